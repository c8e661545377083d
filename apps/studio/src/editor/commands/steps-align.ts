import type { ProcessDefinition, Step } from "@baton/model";
import { nodeSizes } from "../../canvas/node-geometry.ts";
import type { CommandHandler } from "../command-handler.ts";
import { stepIndex } from "../definition-ops.ts";
import { moveSteps } from "./step-move.ts";

type Position = { x: number; y: number };
export type AlignEdge = "left" | "centre" | "top" | "middle";

/**
 * `steps.align`: lines several steps up on the selection's left edge, its
 * vertical centre line ("centre"), its top edge, or its horizontal centre
 * line ("middle"). Shapes differ in size, so centres are aligned by centre,
 * not by corner.
 */
export type StepsAlignParams = { ids: string[]; edge: AlignEdge };

export const stepsAlign: CommandHandler<StepsAlignParams, { id: string; position: Position }[]> = {
  execute(definition, { ids, edge }) {
    const steps = ids.map((id) => definition.steps[stepIndex(definition, "steps.align", id)]!);
    if (steps.length < 2) return { definition, undo: [] };
    const targets = alignedPositions(steps, edge);
    const old = steps
      .filter((s, i) => s.position.x !== targets[i]!.x || s.position.y !== targets[i]!.y)
      .map((s) => ({ id: s.id, position: s.position }));
    if (old.length === 0) return { definition, undo: old };
    return { definition: moveSteps(definition, steps.map((s, i) => ({ id: s.id, position: targets[i]! }))), undo: old };
  },
  revert(definition: ProcessDefinition, _params, old) {
    return moveSteps(definition, old);
  },
};

function alignedPositions(steps: Step[], edge: AlignEdge): Position[] {
  const boxes = steps.map((s) => ({ ...s.position, ...nodeSizes[s.kind] }));
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return boxes.map((b) => {
    switch (edge) {
      case "left":
        return { x: left, y: b.y };
      case "centre":
        return { x: Math.round((left + right) / 2 - b.width / 2), y: b.y };
      case "top":
        return { x: b.x, y: top };
      case "middle":
        return { x: b.x, y: Math.round((top + bottom) / 2 - b.height / 2) };
    }
  });
}
