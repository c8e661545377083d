import type { FormBlock } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { EditorError } from "../editor-error.ts";
import { editForm, revertForm, type FormUndo } from "./form-edit.ts";
import { findBlock, replaceAt, type FormSlot } from "./form-tree.ts";

/**
 * `field.add`: a block (field, section, columns, text…) into a step's form,
 * at the top level or into a section or column (`into`); the form is
 * created if the step had none.
 */
export type FieldAddParams = { stepId: string; field: FormBlock; index?: number; into?: FormSlot };

export const fieldAdd: CommandHandler<FieldAddParams, FormUndo> = {
  execute(definition, { stepId, field, index, into }) {
    return editForm(definition, "field.add", stepId, (blocks) => {
      if (findBlock(blocks, field.id)) throw new EditorError("field.add", `the form already has a field "${field.id}".`);
      return replaceAt(blocks, into ?? { parentId: null }, "field.add", (list) => {
        const out = [...list];
        out.splice(Math.max(0, Math.min(out.length, index ?? out.length)), 0, field);
        return out;
      });
    });
  },
  revert(definition, { stepId }, undo) {
    return revertForm(definition, "field.add", stepId, undo);
  },
};
