import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("connection.delete", () => {
  it("removes connections; undo puts them back at their places", () => {
    const after = expectUndoRedo(sampleProcess(), "connection.delete", { ids: ["c2", "c-again"] });
    expect(after.connections.map((c) => c.id)).toEqual(["c1", "c-yes", "c-no", "c3"]);
  });
});
