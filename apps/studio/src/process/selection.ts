import type { Problem } from "@baton/model";

/**
 * What the analyst has selected on the process page. Plain data owned by
 * the page (not by React Flow), so the canvas, the properties panel and the
 * problems panel all read and set the same thing.
 *
 * `Selection` names one element (what a problem points at, what to pan
 * to); `ElementSelection` is everything selected, for multi-selection.
 */
export type Selection = { type: "step"; id: string } | { type: "connection"; id: string } | null;

export type ElementSelection = { steps: readonly string[]; connections: readonly string[] };

export const nothingSelected: ElementSelection = { steps: [], connections: [] };

/** The element a problem points at: its connection, else its step, else the process. */
export function problemTarget(problem: Problem): Selection {
  if (problem.connectionId) return { type: "connection", id: problem.connectionId };
  if (problem.stepId) return { type: "step", id: problem.stepId };
  return null;
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return a === b || (a !== null && b !== null && a.type === b.type && a.id === b.id);
}

/** Exactly one element selected → that element; none or several → null. */
export function singleSelected(selection: ElementSelection): Selection {
  const { steps, connections } = selection;
  if (steps.length === 1 && connections.length === 0) return { type: "step", id: steps[0]! };
  if (connections.length === 1 && steps.length === 0) return { type: "connection", id: connections[0]! };
  return null;
}

export function selectOnly(target: Selection): ElementSelection {
  if (!target) return nothingSelected;
  return target.type === "step" ? { steps: [target.id], connections: [] } : { steps: [], connections: [target.id] };
}

export function selectionSize(selection: ElementSelection): number {
  return selection.steps.length + selection.connections.length;
}

/**
 * Applies React Flow's select changes (click, Shift+click, box) to a
 * selection; returns the same object when nothing changes.
 */
export function applySelectChanges(
  selection: ElementSelection,
  kind: "steps" | "connections",
  changes: readonly { id: string; selected: boolean }[],
): ElementSelection {
  if (changes.length === 0) return selection;
  const ids = new Set(selection[kind]);
  for (const c of changes) {
    if (c.selected) ids.add(c.id);
    else ids.delete(c.id);
  }
  const next = [...ids];
  const before = selection[kind];
  if (next.length === before.length && next.every((id, i) => id === before[i])) return selection;
  return { ...selection, [kind]: next };
}

/** Drops ids that no longer exist (after undo, delete, reload). */
export function pruneSelection(
  selection: ElementSelection,
  stepIds: ReadonlySet<string>,
  connectionIds: ReadonlySet<string>,
): ElementSelection {
  const steps = selection.steps.filter((id) => stepIds.has(id));
  const connections = selection.connections.filter((id) => connectionIds.has(id));
  if (steps.length === selection.steps.length && connections.length === selection.connections.length) return selection;
  return { steps, connections };
}
