import type { CommandHandler } from "../command-handler.ts";
import { changeParentList, editForm, revertForm, type FormUndo } from "./form-edit.ts";

/** `field.delete`: removes a field (or a section with what is in it) from a step's form. */
export type FieldDeleteParams = { stepId: string; fieldId: string };

export const fieldDelete: CommandHandler<FieldDeleteParams, FormUndo> = {
  execute(definition, { stepId, fieldId }) {
    return editForm(definition, "field.delete", stepId, (blocks) =>
      changeParentList(blocks, fieldId, "field.delete", (list, index) => list.filter((_, i) => i !== index)),
    );
  },
  revert(definition, { stepId }, undo) {
    return revertForm(definition, "field.delete", stepId, undo);
  },
};
