import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
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

  it("refuses copies whose ids are taken", () => {
    const def = sampleProcess();
    const stack = createEditor(def);
    expect(() => stack.execute("selection.paste", copySelection(def, ["won"]))).toThrow(/"won" already exists/);
  });
});
