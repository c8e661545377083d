import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next.ts";

describe("safeNext", () => {
  it("returns to a page of the portal", () => {
    expect(safeNext("/tasks/42?x=1")).toBe("/tasks/42?x=1");
  });

  it("falls back to the inbox for nothing, other sites and the sign-in page itself", () => {
    for (const bad of [null, "", "https://evil.example", "//evil.example", "/\\evil.example", "tasks", "/signin?next=/"]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
