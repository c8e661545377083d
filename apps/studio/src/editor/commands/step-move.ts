import type { ProcessDefinition } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { stepIndex } from "../definition-ops.ts";

type Position = { x: number; y: number };

/** `step.move`: one or many steps to new positions (a drag, arrow keys). One undo step for all. */
export type StepMoveParams = { moves: { id: string; position: Position }[] };

export const stepMove: CommandHandler<StepMoveParams, { id: string; position: Position }[]> = {
  execute(definition, { moves }) {
    const steps = [...definition.steps];
    const old: { id: string; position: Position }[] = [];
    for (const { id, position } of moves) {
      const index = stepIndex(definition, "step.move", id);
      const step = steps[index]!;
      if (step.position.x === position.x && step.position.y === position.y) continue;
      old.push({ id, position: step.position });
      steps[index] = { ...step, position: { x: position.x, y: position.y } };
    }
    if (old.length === 0) return { definition, undo: old };
    return { definition: { ...definition, steps }, undo: old };
  },
  revert(definition, _params, old) {
    return moveSteps(definition, old);
  },
};

/** Puts steps at the given positions (used to take back every kind of move). */
export function moveSteps(definition: ProcessDefinition, positions: readonly { id: string; position: Position }[]): ProcessDefinition {
  const at = new Map(positions.map((p) => [p.id, p.position]));
  return { ...definition, steps: definition.steps.map((s) => (at.has(s.id) ? { ...s, position: at.get(s.id)! } : s)) };
}
