import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("step.update", () => {
  it("sets and removes properties; undo restores values and absent keys", () => {
    const after = expectUndoRedo(sampleProcess(), "step.update", {
      id: "enterOrder",
      changes: { name: "Take the order", due: undefined, description: "Type it in", assignment: { type: "group", group: "sales" } },
    });
    const step = after.steps.find((s) => s.id === "enterOrder")!;
    expect(step).toMatchObject({ name: "Take the order", description: "Type it in", assignment: { type: "group", group: "sales" } });
    expect("due" in step).toBe(false);
  });

  it("refuses to change id, kind or position, and values the schema refuses", () => {
    const stack = createEditor(sampleProcess());
    expect(() => stack.execute("step.update", { id: "won", changes: { kind: "start" } })).toThrow(/kind of step "won" cannot be changed/);
    expect(() => stack.execute("step.update", { id: "callBack", changes: { assignment: { type: "group", group: "" } } })).toThrow(
      /malformed at assignment.group/,
    );
    stack.execute("step.update", { id: "won", changes: { name: "Customer won" } });
    expect(stack.canUndo()).toBe(false);
  });
});
