import type { Field } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { EditorError } from "../editor-error.ts";
import { editForm, revertForm, type FormUndo } from "./form-edit.ts";

/** `field.add`: a field at the top level of a step's form (the form is created if the step had none). */
export type FieldAddParams = { stepId: string; field: Field; index?: number };

export const fieldAdd: CommandHandler<FieldAddParams, FormUndo> = {
  execute(definition, { stepId, field, index }) {
    return editForm(definition, "field.add", stepId, (blocks) => {
      if (blocks.some((b) => b.id === field.id)) throw new EditorError("field.add", `the form already has a field "${field.id}".`);
      const out = [...blocks];
      out.splice(index ?? out.length, 0, field);
      return out;
    });
  },
  revert(definition, { stepId }, undo) {
    return revertForm(definition, "field.add", stepId, undo);
  },
};
