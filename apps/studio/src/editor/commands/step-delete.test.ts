import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("step.delete", () => {
  it("removes steps and (by behavior) their connections; undo puts all back in place", () => {
    const after = expectUndoRedo(sampleProcess(), "step.delete", { ids: ["decision", "won"] });
    expect(after.steps.map((s) => s.id)).toEqual(["start", "callBack", "enterOrder", "lost"]);
    expect(after.connections.map((c) => c.id)).toEqual(["c1"]);
  });
});
