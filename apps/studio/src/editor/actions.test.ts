import { describe, expect, it } from "vitest";
import { sampleProcess } from "../test/sample-process.ts";
import { addedIds, connectSteps, deleteSelection, insertStep, nudgeSteps, pasteContent } from "./actions.ts";
import { copySelection } from "./clipboard.ts";
import { createEditor } from "./create-editor.ts";

const defaults = { processKey: "other-process" };

describe("editor actions", () => {
  it("inserts a step centred on the point and fans out repeated inserts", () => {
    const stack = createEditor(sampleProcess());
    const a = insertStep(stack, "userTask", { x: 1000, y: 1000 }, defaults);
    const b = insertStep(stack, "userTask", { x: 1000, y: 1000 }, defaults);
    expect(a).toEqual({ ok: true, steps: ["task1"], connections: [] });
    expect(b).toEqual({ ok: true, steps: ["task2"], connections: [] });
    const [t1, t2] = stack.definition.steps.slice(-2);
    expect(t1!.position).toEqual({ x: 900, y: 960 });
    // The second lands clear of the first (tasks are 200×80), not on top of it.
    const apart = Math.abs(t2!.position.x - t1!.position.x) >= 200 || Math.abs(t2!.position.y - t1!.position.y) >= 80;
    expect(apart).toBe(true);
  });

  it("refuses a second start with the rule's reason, changing nothing", () => {
    const stack = createEditor(sampleProcess());
    expect(insertStep(stack, "start", { x: 0, y: 0 }, defaults)).toEqual({
      ok: false,
      reason: "This process already has a start; a process begins at exactly one start.",
    });
    expect(stack.canUndo()).toBe(false);
  });

  it("connects when the rules allow, else says why", () => {
    const stack = createEditor(sampleProcess());
    expect(connectSteps(stack, "decision", "won")).toEqual({ ok: true, steps: [], connections: ["flow1"] });
    const refused = connectSteps(stack, "won", "lost");
    expect(refused.ok).toBe(false);
    expect(stack.definition.connections).toHaveLength(7);
  });

  it("deletes a selection of steps and connections as one undo step, even when a connection is also a step's", () => {
    const stack = createEditor(sampleProcess());
    deleteSelection(stack, ["decision"], ["c-yes", "c1"]);
    expect(stack.definition.connections.map((c) => c.id)).toEqual(["c3"]);
    expect(stack.undoLabel()).toBe("Delete selection");
    stack.undo();
    expect(stack.definition).toStrictEqual(sampleProcess());
  });

  it("pastes copies and reports their ids; nudges as one move", () => {
    const stack = createEditor(sampleProcess());
    const pasted = pasteContent(stack, copySelection(stack.definition, ["enterOrder", "won"]), { x: 40, y: 40 });
    expect(pasted).toEqual({ ok: true, steps: ["task1", "end1"], connections: ["flow1"] });
    nudgeSteps(stack, ["task1", "end1"], 10, 0);
    expect(stack.definition.steps.find((s) => s.id === "task1")!.position).toEqual({ x: 610, y: 80 });
    stack.undo();
    expect(stack.definition.steps.find((s) => s.id === "task1")!.position).toEqual({ x: 600, y: 80 });
    expect(pasteContent(stack, { steps: [], connections: [] }, { x: 0, y: 0 }).ok).toBe(false);
  });

  it("tells what an insert added", () => {
    const before = sampleProcess();
    const stack = createEditor(before);
    insertStep(stack, "end", { x: 0, y: 600 }, defaults);
    expect(addedIds(before, stack.definition)).toEqual({ steps: ["end1"], connections: [] });
  });
});
