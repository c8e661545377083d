import type { FormBlock } from "@baton/model";
import { EditorError } from "../editor-error.ts";

/**
 * A list of blocks in a form: the form itself (`parentId` null), a
 * section's children, or one column of a columns block.
 */
export type FormSlot = { parentId: string | null; column?: number };

/** The blocks of `slot`; throws when the slot does not exist. */
export function blocksAt(blocks: FormBlock[], slot: FormSlot, command: string): FormBlock[] {
  if (slot.parentId === null) return blocks;
  const parent = findBlock(blocks, slot.parentId);
  if (!parent) throw new EditorError(command, `there is no form block "${slot.parentId}".`);
  if (parent.type === "section") return parent.children;
  if (parent.type === "columns") {
    const column = parent.columns[slot.column ?? 0];
    if (!column) throw new EditorError(command, `the columns block "${slot.parentId}" has no column ${(slot.column ?? 0) + 1}.`);
    return column.children;
  }
  throw new EditorError(command, `a ${parent.type} block holds no other blocks.`);
}

/** The form with the list at `slot` replaced by `change(list)` (only the path to it is rebuilt). */
export function replaceAt(blocks: FormBlock[], slot: FormSlot, command: string, change: (list: FormBlock[]) => FormBlock[]): FormBlock[] {
  if (slot.parentId === null) return change(blocks);
  const column = slot.column ?? 0;
  const rebuild = (list: FormBlock[]): FormBlock[] | null => {
    for (let i = 0; i < list.length; i++) {
      const block = list[i]!;
      let next: FormBlock | null = null;
      if (block.id === slot.parentId) {
        if (block.type === "section") next = { ...block, children: change(block.children) };
        else if (block.type === "columns" && block.columns[column]) {
          const columns = [...block.columns];
          columns[column] = { ...columns[column]!, children: change(columns[column]!.children) };
          next = { ...block, columns };
        } else blocksAt(blocks, slot, command); // throws the reason
      } else if (block.type === "section") {
        const children = rebuild(block.children);
        if (children) next = { ...block, children };
      } else if (block.type === "columns") {
        for (let c = 0; c < block.columns.length && !next; c++) {
          const children = rebuild(block.columns[c]!.children);
          if (children) {
            const columns = [...block.columns];
            columns[c] = { ...columns[c]!, children };
            next = { ...block, columns };
          }
        }
      }
      if (next) {
        const out = [...list];
        out[i] = next;
        return out;
      }
    }
    return null;
  };
  const out = rebuild(blocks);
  if (!out) throw new EditorError(command, `there is no form block "${slot.parentId}".`);
  return out;
}

/** The block with `id` anywhere in the tree. */
export function findBlock(blocks: FormBlock[], id: string): FormBlock | undefined {
  for (const block of blocks) {
    if (block.id === id) return block;
    for (const inner of innerLists(block)) {
      const found = findBlock(inner, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** Where block `id` sits: its slot and index; undefined when it is not in the form. */
export function slotOf(blocks: FormBlock[], id: string, slot: FormSlot = { parentId: null }): { slot: FormSlot; index: number } | undefined {
  const index = blocks.findIndex((b) => b.id === id);
  if (index !== -1) return { slot, index };
  for (const block of blocks) {
    if (block.type === "section") {
      const found = slotOf(block.children, id, { parentId: block.id });
      if (found) return found;
    } else if (block.type === "columns") {
      for (let c = 0; c < block.columns.length; c++) {
        const found = slotOf(block.columns[c]!.children, id, { parentId: block.id, column: c });
        if (found) return found;
      }
    }
  }
  return undefined;
}

function innerLists(block: FormBlock): FormBlock[][] {
  if (block.type === "section") return [block.children];
  if (block.type === "columns") return block.columns.map((c) => c.children);
  return [];
}
