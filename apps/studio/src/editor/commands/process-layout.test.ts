import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("process.layout", () => {
  it("places every step where the layout put it; undo restores the old places", () => {
    const def = sampleProcess();
    const positions = def.steps.map((s, i) => ({ id: s.id, position: { x: i * 100, y: 0 } }));
    const after = expectUndoRedo(def, "process.layout", { positions });
    expect(after.steps.map((s) => s.position.x)).toEqual([0, 100, 200, 300, 400, 500]);
  });
});
