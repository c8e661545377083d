import type { Connection, ProcessDefinition, Step } from "@baton/model";
import { newConnectionId, newStepId, takenConnectionIds, takenStepIds } from "./ids.ts";

/**
 * What Ctrl+C keeps: deep copies of the chosen steps and of the connections
 * running between two of them (a connection to a step left behind would
 * point nowhere once pasted). A step's boundary events come with it.
 */
export type ClipboardContent = { steps: Step[]; connections: Connection[] };

export function copySelection(definition: ProcessDefinition, stepIds: readonly string[]): ClipboardContent {
  const chosen = new Set(stepIds);
  for (const s of definition.steps) if (s.kind === "boundaryEvent" && chosen.has(s.attachedTo)) chosen.add(s.id);
  return structuredClone({
    steps: definition.steps.filter((s) => chosen.has(s.id)),
    connections: definition.connections.filter((c) => chosen.has(c.source) && chosen.has(c.target)),
  });
}

/**
 * The copies to paste: fresh ids, shifted by `offset`, connections and
 * boundary events re-pointed at the copies (an event pasted without its
 * step stays on the step it was copied from).
 */
export function planPaste(definition: ProcessDefinition, content: ClipboardContent, offset: { x: number; y: number }): ClipboardContent {
  const stepIds = takenStepIds(definition);
  const connectionIds = takenConnectionIds(definition);
  const renamed = new Map<string, string>();
  const steps = content.steps.map((step) => {
    const id = newStepId(definition, step.kind, stepIds);
    renamed.set(step.id, id);
    return { ...structuredClone(step), id, position: { x: step.position.x + offset.x, y: step.position.y + offset.y } };
  });
  for (const step of steps) {
    if (step.kind === "boundaryEvent" && renamed.has(step.attachedTo)) step.attachedTo = renamed.get(step.attachedTo)!;
  }
  const connections = content.connections
    .filter((c) => renamed.has(c.source) && renamed.has(c.target))
    .map((c) => ({ ...structuredClone(c), id: newConnectionId(definition, connectionIds), source: renamed.get(c.source)!, target: renamed.get(c.target)! }));
  return { steps, connections };
}
