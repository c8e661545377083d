import { stepSchema, type Step } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { EditorError } from "../editor-error.ts";

/** `step.add`: a new step (from the palette, the keyboard, a duplicate). Its id is chosen by the caller. */
export type StepAddParams = { step: Step; index?: number };

export const stepAdd: CommandHandler<StepAddParams, null> = {
  execute(definition, { step, index }) {
    if (definition.steps.some((s) => s.id === step.id)) {
      throw new EditorError("step.add", `a step with the id "${step.id}" already exists.`);
    }
    const parsed = stepSchema.safeParse(step);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new EditorError("step.add", `the new step is malformed at ${issue.path.join(".") || "its root"}: ${issue.message}`);
    }
    const steps = [...definition.steps];
    steps.splice(index ?? steps.length, 0, step);
    return { definition: { ...definition, steps }, undo: null };
  },
  revert(definition, { step }) {
    return { ...definition, steps: definition.steps.filter((s) => s.id !== step.id) };
  },
};
