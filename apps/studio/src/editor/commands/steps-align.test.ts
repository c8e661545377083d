import { describe, expect, it } from "vitest";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

const at = (d: ReturnType<typeof sampleProcess>, id: string) => d.steps.find((s) => s.id === id)!.position;

describe("steps.align", () => {
  it("aligns left edges; undo restores each position", () => {
    const after = expectUndoRedo(sampleProcess(), "steps.align", { ids: ["enterOrder", "lost", "won"], edge: "left" });
    expect([at(after, "enterOrder").x, at(after, "lost").x, at(after, "won").x]).toEqual([560, 560, 560]);
  });

  it("aligns centres by the shapes' middles, whatever their size", () => {
    const after = expectUndoRedo(sampleProcess(), "steps.align", { ids: ["enterOrder", "lost"], edge: "middle" });
    // Box from y 40 (enterOrder's top) to 336 (lost's bottom): middle line 188.
    expect([at(after, "enterOrder").y + 40, at(after, "lost").y + 18]).toEqual([188, 188]);
    const centre = expectUndoRedo(sampleProcess(), "steps.align", { ids: ["won", "enterOrder"], edge: "centre" });
    // Box from x 560 (enterOrder) to 896 (won's right edge): centre line 728.
    expect([at(centre, "won").x + 18, at(centre, "enterOrder").x + 100]).toEqual([728, 728]);
    const top = expectUndoRedo(sampleProcess(), "steps.align", { ids: ["won", "enterOrder"], edge: "top" });
    expect(at(top, "won").y).toBe(40);
  });

  it("does nothing for fewer than two steps", () => {
    const stack = createEditor(sampleProcess());
    stack.execute("steps.align", { ids: ["won"], edge: "left" });
    expect(stack.canUndo()).toBe(false);
  });
});
