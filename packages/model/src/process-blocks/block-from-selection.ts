import type { ProcessDefinition } from "../process-definition.ts";
import type { BlockFragment } from "./block-format.ts";

/**
 * The fragment a selection on the canvas makes: copies of the selected
 * steps (in the definition's order) and of the connections that run
 * between two of them. Connections into or out of the selection are left
 * behind: they belong to the process, not to the block. Positions are
 * moved so the fragment's top-left corner is at 0,0.
 *
 * A selected start is kept, so `validateBlock` can tell the analyst to
 * leave it out rather than the block silently missing a step.
 *
 * Throws when a selected id is not a step of the definition: the caller
 * passed a stale selection.
 */
export function blockFromSelection(definition: ProcessDefinition, stepIds: readonly string[]): BlockFragment {
  const known = new Set(definition.steps.map((s) => s.id));
  const unknown = stepIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(
      `blockFromSelection: ${unknown.map((id) => `"${id}"`).join(", ")} ${unknown.length === 1 ? "is not a step" : "are not steps"} of process "${definition.key}".`,
    );
  }
  const selected = new Set(stepIds);
  const steps = definition.steps.filter((s) => selected.has(s.id));
  const connections = definition.connections.filter((c) => selected.has(c.source) && selected.has(c.target));
  const left = Math.min(...steps.map((s) => s.position.x));
  const top = Math.min(...steps.map((s) => s.position.y));
  return {
    steps: steps.map((s) => {
      const copy = structuredClone(s);
      copy.position = { x: s.position.x - left, y: s.position.y - top };
      return copy;
    }),
    connections: connections.map((c) => structuredClone(c)),
  };
}
