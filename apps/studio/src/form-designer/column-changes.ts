import type { ColumnField } from "@baton/model";
import { keyFromLabel } from "../properties/editors/field-changes.ts";

/**
 * A table column relabelled. Its key (what each row stores) follows the
 * label while nobody chose one: it is still `columnN`, or what the old
 * label gives (the table's first column "Item" has the key `item`). The
 * new key is one no other column has. A key typed on purpose stays.
 */
export function relabelColumn(columns: readonly ColumnField[], index: number, label: string): { label: string; key?: string } {
  const column = columns[index]!;
  const text = label.trim();
  const chosen = !/^column\d+$/.test(column.key) && column.key !== keyFromLabel(column.label);
  if (chosen) return { label: text };
  const taken = new Set(columns.filter((_, i) => i !== index).map((c) => c.key));
  const base = keyFromLabel(text);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return key === column.key ? { label: text } : { label: text, key };
}
