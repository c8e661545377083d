import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("step.move", () => {
  it("moves several steps in one undo step", () => {
    const after = expectUndoRedo(sampleProcess(), "step.move", {
      moves: [
        { id: "callBack", position: { x: 130, y: 170 } },
        { id: "decision", position: { x: 410, y: 185 } },
      ],
    });
    expect(after.steps.find((s) => s.id === "callBack")!.position).toEqual({ x: 130, y: 170 });
    expect(after.steps.find((s) => s.id === "decision")!.position).toEqual({ x: 410, y: 185 });
  });

  it("records nothing when nothing moves, and refuses an unknown step", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("step.move", { moves: [{ id: "callBack", position: { x: 120, y: 160 } }] });
    expect(stack.canUndo()).toBe(false);
    expect(() => stack.execute("step.move", { moves: [{ id: "nope", position: { x: 0, y: 0 } }] })).toThrow(/no step "nope"/);
  });
});
