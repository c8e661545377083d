import type { Step } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { removeById, restoreAt, stepIndex } from "../definition-ops.ts";

/**
 * `step.delete`: removes steps. Their connections go too, but not here: the
 * `delete-step-connections` behavior deletes them first, as commands of
 * their own, so undo brings back steps and connections together.
 */
export type StepDeleteParams = { ids: string[] };

export const stepDelete: CommandHandler<StepDeleteParams, { index: number; item: Step }[]> = {
  execute(definition, { ids }) {
    for (const id of ids) stepIndex(definition, "step.delete", id);
    const { kept, removed } = removeById(definition.steps, new Set(ids));
    if (removed.length === 0) return { definition, undo: removed };
    return { definition: { ...definition, steps: kept }, undo: removed };
  },
  revert(definition, _params, removed) {
    return { ...definition, steps: restoreAt(definition.steps, removed) };
  },
};
