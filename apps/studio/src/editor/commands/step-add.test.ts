import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { createStep } from "../step-factory.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("step.add", () => {
  it("adds the step; undo removes exactly it; redo adds it again", () => {
    const step = createStep("userTask", "task1", { x: 300, y: 400 }, { processKey: "other" });
    const after = expectUndoRedo(sampleProcess(), "step.add", { step });
    expect(after.steps.at(-1)).toEqual(step);
    expect(step.position).toEqual({ x: 200, y: 360 });
  });

  it("refuses an id that is taken, and a malformed step, leaving the draft as it was", () => {
    const stack = createEditor(sampleProcess());
    const taken = createStep("end", "won", { x: 0, y: 0 }, { processKey: "x" });
    expect(() => stack.execute("step.add", { step: taken })).toThrow(/step.add: a step with the id "won" already exists/);
    const bad = { ...createStep("userTask", "t9", { x: 0, y: 0 }, { processKey: "x" }), assignment: { type: "user", user: "" } };
    expect(() => stack.execute("step.add", { step: bad as never })).toThrow(/malformed at assignment.user/);
    expect(stack.definition).toStrictEqual(sampleProcess());
    expect(stack.canUndo()).toBe(false);
  });
});
