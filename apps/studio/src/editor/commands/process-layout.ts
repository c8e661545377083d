import type { CommandHandler } from "../command-handler.ts";
import { stepIndex } from "../definition-ops.ts";
import { moveSteps } from "./step-move.ts";

type Position = { x: number; y: number };

/**
 * `process.layout`: puts every step where the auto-layout placed it. The
 * layout itself (elkjs) runs asynchronously before; the command only takes
 * its result, so undo and redo are instant and need no layout engine.
 */
export type ProcessLayoutParams = { positions: { id: string; position: Position }[] };

export const processLayout: CommandHandler<ProcessLayoutParams, { id: string; position: Position }[]> = {
  execute(definition, { positions }) {
    const old: { id: string; position: Position }[] = [];
    for (const { id, position } of positions) {
      const step = definition.steps[stepIndex(definition, "process.layout", id)]!;
      if (step.position.x !== position.x || step.position.y !== position.y) old.push({ id, position: step.position });
    }
    if (old.length === 0) return { definition, undo: old };
    return { definition: moveSteps(definition, positions), undo: old };
  },
  revert(definition, _params, old) {
    return moveSteps(definition, old);
  },
};
