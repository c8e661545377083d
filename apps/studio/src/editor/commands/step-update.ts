import { stepSchema, type Step } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { patchObject, stepIndex, unpatchObject, withStep, type OldValues } from "../definition-ops.ts";
import { EditorError } from "../editor-error.ts";

/**
 * `step.update`: sets properties of one step (name, assignment, form…);
 * `undefined` removes an optional property. The id and kind never change
 * here, and the position changes by `step.move`. The result must still be
 * a well-formed step: a draft that breaks the schema could not be saved.
 */
export type StepUpdateParams = { id: string; changes: Record<string, unknown> };

const fixed = new Set(["id", "kind", "position"]);

export const stepUpdate: CommandHandler<StepUpdateParams, OldValues> = {
  execute(definition, { id, changes }) {
    const index = stepIndex(definition, "step.update", id);
    const bad = Object.keys(changes).find((k) => fixed.has(k));
    if (bad) throw new EditorError("step.update", `the ${bad} of step "${id}" cannot be changed by an update.`);
    const { next, old } = patchObject(definition.steps[index]!, changes);
    if (next === definition.steps[index]) return { definition, undo: old };
    const parsed = stepSchema.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new EditorError("step.update", `step "${id}" would be malformed at ${issue.path.join(".") || "its root"}: ${issue.message}`);
    }
    return { definition: withStep(definition, index, next), undo: old };
  },
  revert(definition, { id }, old) {
    const index = stepIndex(definition, "step.update", id);
    return withStep(definition, index, unpatchObject(definition.steps[index]!, old) as Step);
  },
};
