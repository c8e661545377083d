import type { CommandHandler } from "../command-handler.ts";
import { EditorError } from "../editor-error.ts";
import { editForm, revertForm, type FormUndo } from "./form-edit.ts";
import { blocksAt, findBlock, replaceAt, slotOf, type FormSlot } from "./form-tree.ts";

/**
 * `field.place`: moves a block (a field, or a section with what is in it)
 * to position `index` of any list of the form: the form itself, a section,
 * or a column. What the form designer's drag and drop and its keyboard
 * moves use. A block cannot go inside itself.
 */
export type FieldPlaceParams = { stepId: string; fieldId: string; into: FormSlot; index: number };

export const fieldPlace: CommandHandler<FieldPlaceParams, FormUndo> = {
  execute(definition, { stepId, fieldId, into, index }) {
    return editForm(definition, "field.place", stepId, (blocks) => {
      const from = slotOf(blocks, fieldId);
      if (!from) throw new EditorError("field.place", `there is no form field "${fieldId}".`);
      const moved = blocksAt(blocks, from.slot, "field.place")[from.index]!;
      if (into.parentId !== null && (into.parentId === fieldId || findBlock([moved], into.parentId)))
        throw new EditorError("field.place", "a block cannot be put inside itself.");
      const sameList = from.slot.parentId === into.parentId && (from.slot.column ?? 0) === (into.column ?? 0);
      if (sameList) {
        const list = blocksAt(blocks, into, "field.place");
        // `index` counts positions in the list as it is shown, the block still in it.
        const target = Math.max(0, Math.min(list.length - 1, index > from.index ? index - 1 : index));
        if (target === from.index) return blocks;
        return replaceAt(blocks, into, "field.place", (l) => {
          const out = l.filter((b) => b.id !== fieldId);
          out.splice(target, 0, moved);
          return out;
        });
      }
      blocksAt(blocks, into, "field.place"); // the target exists (throws the reason otherwise)
      const without = replaceAt(blocks, from.slot, "field.place", (l) => l.filter((b) => b.id !== fieldId));
      return replaceAt(without, into, "field.place", (l) => {
        const out = [...l];
        out.splice(Math.max(0, Math.min(out.length, index)), 0, moved);
        return out;
      });
    });
  },
  revert(definition, { stepId }, undo) {
    return revertForm(definition, "field.place", stepId, undo);
  },
};
