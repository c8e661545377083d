import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createBoundaryEvent } from "../boundary-factory.ts";
import { copySelection, planPaste } from "../clipboard.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

describe("selection.paste", () => {
  it("adds the copies with their inner connections; undo removes them all", () => {
    const def = sampleProcess();
    const copied = copySelection(def, ["callBack", "decision", "lost"]);
    expect(copied.connections.map((c) => c.id)).toEqual(["c2", "c-again", "c-no"]);
    const planned = planPaste(def, copied, { x: 40, y: 40 });
    expect(planned.steps.map((s) => s.id)).toEqual(["task1", "decision1", "end1"]);
    expect(planned.steps[0]!.position).toEqual({ x: 160, y: 200 });
    expect(planned.connections.map((c) => [c.id, c.source, c.target])).toEqual([
      ["flow1", "task1", "decision1"],
      ["flow2", "decision1", "task1"],
      ["flow3", "decision1", "end1"],
    ]);
    const after = expectUndoRedo(def, "selection.paste", planned);
    expect(after.steps).toHaveLength(9);
    expect(after.connections).toHaveLength(9);
  });

  it("copies a step with the events on its border, which then sit on the copy", () => {
    const def = sampleProcess();
    const host = def.steps.find((s) => s.id === "callBack")!;
    def.steps.push(createBoundaryEvent(def, host, "late", "timer"));
    def.connections.push({ id: "c-late", source: "late", target: "lost" });
    const copied = copySelection(def, ["callBack", "lost"]);
    expect(copied.steps.map((s) => s.id)).toEqual(["callBack", "lost", "late"]);
    const planned = planPaste(def, copied, { x: 40, y: 40 });
    expect(planned.steps.find((s) => s.kind === "boundaryEvent")).toMatchObject({ id: "event1", attachedTo: "task1" });
    expect(planned.connections.map((c) => [c.source, c.target])).toContainEqual(["event1", "end1"]);

    const alone = planPaste(def, copySelection(def, ["late"]), { x: 40, y: 40 });
    expect(alone.steps).toEqual([expect.objectContaining({ id: "event1", attachedTo: "callBack" })]);
  });

  it("refuses copies whose ids are taken", () => {
    const def = sampleProcess();
    const stack = createEditor(def);
    expect(() => stack.execute("selection.paste", copySelection(def, ["won"]))).toThrow(/"won" already exists/);
  });
});
