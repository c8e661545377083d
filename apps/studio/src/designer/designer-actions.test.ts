import { describe, expect, it } from "vitest";
import type { ProcessDefinition } from "@baton/model";
import { createEditor } from "../editor/create-editor.ts";
import { nothingSelected, type ElementSelection } from "../process/selection.ts";
import { sampleProcess } from "../test/sample-process.ts";
import { createDesignerActions } from "./designer-actions.ts";

function setUp(layout?: (d: ProcessDefinition) => Promise<ProcessDefinition>) {
  const stack = createEditor(sampleProcess());
  let selection: ElementSelection = nothingSelected;
  const messages: string[] = [];
  const actions = createDesignerActions({
    stack,
    getSelection: () => selection,
    select: (s) => (selection = s),
    notify: (m) => messages.push(m),
    stepDefaults: () => ({ processKey: "other-process" }),
    viewportCentre: () => ({ x: 1000, y: 1000 }),
    layout,
  });
  return { stack, actions, messages, selection: () => selection, select: (s: ElementSelection) => (selection = s) };
}

describe("designer actions", () => {
  it("selects what an insert or a connection made", () => {
    const t = setUp();
    expect(t.actions.insert("userTask")).toBe(true);
    expect(t.selection()).toEqual({ steps: ["task1"], connections: [] });
    expect(t.actions.connect("decision", "task1")).toBe(true);
    expect(t.selection()).toEqual({ steps: [], connections: ["flow1"] });
  });

  it("turns a refusal into a message, not an exception", () => {
    const t = setUp();
    expect(t.actions.connect("won", "lost")).toBe(false);
    expect(t.messages).toEqual(["Nothing can follow an end: the process stops there."]);
    expect(t.actions.run("step.update", { id: "nope", changes: { name: "x" } })).toBe(false);
    expect(t.messages[1]).toMatch(/no step "nope"/);
  });

  it("copies, pastes further down each time, and says when there is nothing to paste", () => {
    const t = setUp();
    t.select({ steps: ["won"], connections: [] });
    expect(t.actions.copy()).toBe(true);
    t.actions.paste();
    t.actions.paste();
    const ends = t.stack.definition.steps.filter((s) => s.id.startsWith("end"));
    expect(ends.map((s) => s.position)).toEqual([
      { x: 900, y: 102 },
      { x: 940, y: 142 },
    ]);
    expect(t.selection().steps).toEqual(["end2"]);
  });

  it("deletes the selection and clears it; renames in place", () => {
    const t = setUp();
    t.actions.rename({ type: "connection", id: "c-no" }, "  ");
    expect(t.stack.definition.connections.find((c) => c.id === "c-no")!.label).toBeUndefined();
    t.actions.rename({ type: "step", id: "won" }, " Won ");
    expect(t.stack.definition.steps.find((s) => s.id === "won")!.name).toBe("Won");
    t.select({ steps: ["won"], connections: ["c-no"] });
    expect(t.actions.deleteSelected()).toBe(true);
    expect(t.selection()).toEqual(nothingSelected);
    expect(t.stack.definition.steps.some((s) => s.id === "won")).toBe(false);
  });

  it("lays out with the given layout as one undo step, keeping steps added meanwhile", async () => {
    const t = setUp(async (d) => ({ ...d, steps: d.steps.map((s, i) => ({ ...s, position: { x: i * 300, y: 0 } })) }));
    expect(await t.actions.autoLayout()).toBe(true);
    expect(t.stack.definition.steps.map((s) => s.position.x)).toEqual([0, 300, 600, 900, 1200, 1500]);
    t.actions.undo();
    expect(t.stack.definition).toStrictEqual(sampleProcess());
  });
});
