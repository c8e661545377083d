import type { FormBlock } from "@baton/model";
import type { FormSlot } from "../editor/commands/form-tree.ts";

export type NamedSlot = { slot: FormSlot; label: string; value: string };

export const slotValue = (slot: FormSlot) => (slot.parentId === null ? "form" : `${slot.parentId}#${slot.column ?? 0}`);

/**
 * Every list a block can be placed in, named for a select ("The form",
 * "Section “Gold card”", "Side by side › column 2"), leaving out the
 * block itself and what is inside it.
 */
export function placesFor(blocks: FormBlock[], movingId: string | null): NamedSlot[] {
  const out: NamedSlot[] = [{ slot: { parentId: null }, label: "The form (top level)", value: "form" }];
  const walk = (list: FormBlock[], trail: string) => {
    for (const block of list) {
      if (block.id === movingId) continue;
      if (block.type === "section") {
        const name = `${trail}Section “${block.title}”`;
        out.push({ slot: { parentId: block.id }, label: name, value: slotValue({ parentId: block.id }) });
        walk(block.children, `${name} › `);
      } else if (block.type === "columns") {
        block.columns.forEach((column, c) => {
          const name = `${trail}Side by side › column ${c + 1}`;
          out.push({ slot: { parentId: block.id, column: c }, label: name, value: slotValue({ parentId: block.id, column: c }) });
          walk(column.children, `${name} › `);
        });
      }
    }
  };
  walk(blocks, "");
  return out;
}
