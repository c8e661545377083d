import type { BlockListing } from "./blocks-api.ts";

/** Blocks whose name, description or key contains every word of the query (any case). */
export function matchBlocks(items: readonly BlockListing[], query: string): BlockListing[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const text = `${item.name} ${item.description} ${item.key}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}
