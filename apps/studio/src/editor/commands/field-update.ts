import type { CommandHandler } from "../command-handler.ts";
import { patchObject } from "../definition-ops.ts";
import { EditorError } from "../editor-error.ts";
import { changeParentList, editForm, revertForm, type FormUndo } from "./form-edit.ts";

/** `field.update`: label, key, type, required, options… of one form field (`undefined` removes). */
export type FieldUpdateParams = { stepId: string; fieldId: string; changes: Record<string, unknown> };

export const fieldUpdate: CommandHandler<FieldUpdateParams, FormUndo> = {
  execute(definition, { stepId, fieldId, changes }) {
    if ("id" in changes) throw new EditorError("field.update", "a field's id cannot be changed.");
    return editForm(definition, "field.update", stepId, (blocks) =>
      changeParentList(blocks, fieldId, "field.update", (list, index) => {
        const { next } = patchObject(list[index]!, changes);
        if (next === list[index]) return list;
        const out = [...list];
        out[index] = next;
        return out;
      }),
    );
  },
  revert(definition, { stepId }, undo) {
    return revertForm(definition, "field.update", stepId, undo);
  },
};
