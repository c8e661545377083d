import { describe, expect, it } from "vitest";
import type { Connection, Step } from "@baton/model";
import { blockPreview } from "./block-preview.ts";

const task: Step = {
  id: "approve",
  kind: "userTask",
  name: "Approve",
  position: { x: 0, y: 0 },
  assignment: { type: "group", group: "managers" },
  form: { schemaVersion: 1, blocks: [] },
};
const decision: Step = { id: "ok", kind: "exclusiveGateway", name: "Approved?", position: { x: 260, y: 15 } };
const end: Step = { id: "rejected", kind: "end", name: "Rejected", position: { x: 267, y: 160 } };
const connections: Connection[] = [
  { id: "c1", source: "approve", target: "ok" },
  { id: "c2", source: "ok", target: "rejected", condition: "not(approved)" },
  { id: "c-out", source: "ok", target: "elsewhere" },
];

describe("blockPreview", () => {
  const model = blockPreview({ steps: [task, decision, end], connections });

  it("draws each step at the canvas's size, with its kind's outline", () => {
    expect(model.shapes.filter((s) => s.type !== "flow")).toEqual([
      { type: "task", stepId: "approve", name: "Approve", x: 0, y: 0, width: 200, height: 80 },
      { type: "gateway", stepId: "ok", name: "Approved?", kind: "exclusive", points: "285,15 310,40 285,65 260,40" },
      { type: "event", stepId: "rejected", name: "Rejected", kind: "end", cx: 285, cy: 178, r: 18 },
    ]);
  });

  it("runs connections between the outlines, drawn before the steps, and leaves out those to unknown steps", () => {
    expect(model.shapes.slice(0, 2)).toEqual([
      // Same row: from the task's right side to the diamond's left corner.
      { type: "flow", connectionId: "c1", x1: 200, y1: 40, x2: 260, y2: 40 },
      // Straight down: from the diamond's bottom corner to the top of the circle.
      { type: "flow", connectionId: "c2", x1: 285, y1: 65, x2: 285, y2: 160 },
    ]);
    expect(model.shapes.filter((s) => s.type === "flow")).toHaveLength(2);
  });

  it("frames the drawing with a margin", () => {
    expect(model.viewBox).toBe("-8 -8 326 212");
    expect([model.width, model.height]).toEqual([326, 212]);
  });

  it("clips a slanted line where it crosses a box", () => {
    const below: Step = { ...end, id: "below", position: { x: 382, y: 262 } }; // centre 400,280
    const [flow] = blockPreview({ steps: [task, below], connections: [{ id: "d", source: "approve", target: "below" }] }).shapes;
    // From the task's centre (100,40) towards (400,280) the box's bottom (y=80) comes first.
    expect(flow).toMatchObject({ x1: 150, y1: 80 });
  });

  it("draws nothing for no steps", () => {
    expect(blockPreview({ steps: [], connections: [] })).toEqual({ viewBox: "0 0 0 0", width: 0, height: 0, shapes: [] });
  });
});
