import type { PackageDiff } from "./diff-types.ts";

export type DiffMarker = "added" | "removed" | "changed";

/**
 * Highlights for the two diagrams side by side, by element id (BPMN ids are
 * Baton's step and connection ids): the older diagram shows what was removed
 * or changed, the newer one what was added or changed.
 */
export function diffMarkers(diff: PackageDiff): { from: Record<string, DiffMarker>; to: Record<string, DiffMarker> } {
  const from: Record<string, DiffMarker> = {};
  const to: Record<string, DiffMarker> = {};
  for (const s of diff.steps.removed) from[s.id] = "removed";
  for (const s of diff.steps.added) to[s.id] = "added";
  for (const s of diff.steps.changed) from[s.id] = to[s.id] = "changed";
  for (const c of diff.connections.removed) from[c.id] = "removed";
  for (const c of diff.connections.added) to[c.id] = "added";
  for (const c of diff.connections.changed) from[c.id] = to[c.id] = "changed";
  return { from, to };
}
