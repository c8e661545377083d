import type { CommandHandler } from "../command-handler.ts";
import { changeParentList, editForm, revertForm, type FormUndo } from "./form-edit.ts";

/** `field.move`: reorders a field within its list (top level or its section); `to` is clamped. */
export type FieldMoveParams = { stepId: string; fieldId: string; to: number };

export const fieldMove: CommandHandler<FieldMoveParams, FormUndo> = {
  execute(definition, { stepId, fieldId, to }) {
    return editForm(definition, "field.move", stepId, (blocks) =>
      changeParentList(blocks, fieldId, "field.move", (list, index) => {
        const target = Math.max(0, Math.min(list.length - 1, to));
        if (target === index) return list;
        const out = [...list];
        const [moved] = out.splice(index, 1);
        out.splice(target, 0, moved!);
        return out;
      }),
    );
  },
  revert(definition, { stepId }, undo) {
    return revertForm(definition, "field.move", stepId, undo);
  },
};
