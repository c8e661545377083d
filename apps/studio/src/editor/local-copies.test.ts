// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { sampleProcess } from "../test/sample-process.ts";
import { dropLocalCopies, findLocalCopy, keepLocalCopy, localCopyKey } from "./local-copies.ts";

beforeEach(() => localStorage.clear());

describe("local copies", () => {
  it("keeps one copy per process, keyed by the version it was based on", () => {
    keepLocalCopy(localStorage, { key: "lead-to-customer", baseVersion: 3, definition: sampleProcess(), keptAt: "t1" });
    keepLocalCopy(localStorage, { key: "lead-to-customer", baseVersion: 4, definition: sampleProcess(), keptAt: "t2" });
    expect(localStorage.getItem(localCopyKey("lead-to-customer", 3))).toBeNull();
    expect(findLocalCopy(localStorage, "lead-to-customer")).toMatchObject({ baseVersion: 4, keptAt: "t2" });
    expect(findLocalCopy(localStorage, "other")).toBeNull();
    dropLocalCopies(localStorage, "lead-to-customer");
    expect(localStorage.length).toBe(0);
  });

  it("drops a copy that cannot be read", () => {
    localStorage.setItem(localCopyKey("lead-to-customer", 1), "{not json");
    localStorage.setItem(localCopyKey("lead-to-customer", 2), JSON.stringify({ definition: { steps: 1 }, keptAt: "t" }));
    expect(findLocalCopy(localStorage, "lead-to-customer")).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});
