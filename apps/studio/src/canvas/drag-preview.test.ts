import { processDefinitionSchema } from "@baton/model";
import { describe, expect, it } from "vitest";
import { definitionToFlow } from "./definition-to-flow.ts";
import { previewNodes } from "./drag-preview.ts";

const definition = processDefinitionSchema.parse({
  schemaVersion: 1,
  key: "drag",
  name: "P",
  steps: [
    { id: "task", kind: "userTask", name: "Check", position: { x: 100, y: 0 }, assignment: { type: "expression", expression: "initiator" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "late", kind: "boundaryEvent", name: "Late", position: { x: 122, y: 62 }, attachedTo: "task", trigger: { type: "error" } },
    { id: "end", kind: "end", name: "End", position: { x: 400, y: 20 } },
  ],
  connections: [],
});
const { nodes } = definitionToFlow({ definition, problems: [], selection: { steps: [], connections: [] } });
const at = (list: typeof nodes, id: string) => list.find((n) => n.id === id)!.position;

describe("previewNodes", () => {
  it("is the nodes themselves when nothing is dragged", () => {
    expect(previewNodes(nodes, null)).toBe(nodes);
  });

  it("moves the events on a dragged step's border along with it, and nothing else", () => {
    const moved = previewNodes(nodes, new Map([["task", { x: 150, y: 40 }]]));
    expect(at(moved, "task")).toEqual({ x: 150, y: 40 });
    expect(at(moved, "late")).toEqual({ x: 172, y: 102 });
    expect(at(moved, "end")).toEqual({ x: 400, y: 20 });
  });

  it("leaves a dragged event where the mouse has it, even when its step is dragged too", () => {
    const moved = previewNodes(nodes, new Map([["task", { x: 150, y: 40 }], ["late", { x: 0, y: 0 }]]));
    expect(at(moved, "late")).toEqual({ x: 0, y: 0 });
  });
});
