import type { Problem } from "@baton/model";

/**
 * What the analyst has selected on the process page. Plain data owned by
 * the page (not by React Flow), so the canvas, the properties panel and the
 * problems panel all read and set the same thing.
 */
export type Selection = { type: "step"; id: string } | { type: "connection"; id: string } | null;

/** The element a problem points at: its connection, else its step, else the process. */
export function problemTarget(problem: Problem): Selection {
  if (problem.connectionId) return { type: "connection", id: problem.connectionId };
  if (problem.stepId) return { type: "step", id: problem.stepId };
  return null;
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return a === b || (a !== null && b !== null && a.type === b.type && a.id === b.id);
}
