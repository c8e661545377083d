import type { ProcessDefinition, StepKind } from "@baton/model";
import { freeCentre } from "../canvas/node-geometry.ts";
import type { ClipboardContent } from "./clipboard.ts";
import { planPaste } from "./clipboard.ts";
import type { EditorStack } from "./commands/index.ts";
import { newConnectionId, newStepId } from "./ids.ts";
import { createBoundaryEvent, canHostBoundary, type BoundaryChoice } from "./boundary-factory.ts";
import { canAddStep, canConnect, type RuleVerdict } from "./rules.ts";
import { createStep, type StepDefaults } from "./step-factory.ts";

/**
 * What the analyst asks for on the canvas, turned into commands: ask the
 * rules, pick ids, execute. No React here; the canvas and the keyboard
 * shortcuts call these, and they return what to select next (or why not).
 */
export type ActionResult = { ok: true; steps: string[]; connections: string[] } | { ok: false; reason: string };

const refused = (verdict: RuleVerdict & { ok: false }): ActionResult => ({ ok: false, reason: verdict.reason });

/**
 * A new step centred on `centre`: exactly there for a drop, or (`findRoom`,
 * for the keyboard and palette clicks) at the nearest spot clear of others.
 */
export function insertStep(
  stack: EditorStack,
  kind: StepKind,
  centre: { x: number; y: number },
  defaults: StepDefaults,
  findRoom = true,
): ActionResult {
  const definition = stack.definition;
  const verdict = canAddStep(definition, kind);
  if (!verdict.ok) return refused(verdict);
  const id = newStepId(definition, kind);
  const at = findRoom ? freeCentre(definition.steps, centre, kind) : centre;
  stack.execute("step.add", { step: createStep(kind, id, at, defaults) });
  return { ok: true, steps: [id], connections: [] };
}

/** A deadline or an error catch on `hostId`'s border, as one `step.add`. */
export function addBoundaryEvent(stack: EditorStack, hostId: string, choice: BoundaryChoice): ActionResult {
  const definition = stack.definition;
  const host = definition.steps.find((s) => s.id === hostId);
  if (!host || !canHostBoundary(host)) {
    return { ok: false, reason: "Events go on a task, an approval, a service call, a sub-process or a call to another process." };
  }
  const id = newStepId(definition, "boundaryEvent");
  stack.execute("step.add", { step: createBoundaryEvent(definition, host, id, choice) });
  return { ok: true, steps: [id], connections: [] };
}

export function connectSteps(stack: EditorStack, source: string, target: string): ActionResult {
  const verdict = canConnect(stack.definition, source, target);
  if (!verdict.ok) return refused(verdict);
  const id = newConnectionId(stack.definition);
  stack.execute("connection.add", { connection: { id, source, target } });
  return { ok: true, steps: [], connections: [id] };
}

/** Delete/Backspace: selected connections, then selected steps (whose connections go with them). */
export function deleteSelection(stack: EditorStack, steps: readonly string[], connections: readonly string[]): void {
  const definition = stack.definition;
  const goingSteps = new Set(steps);
  // A connection of a deleted step is deleted by the behavior; naming it twice would fail.
  const own = connections.filter((id) => {
    const c = definition.connections.find((x) => x.id === id);
    return c && !goingSteps.has(c.source) && !goingSteps.has(c.target);
  });
  stack.group(steps.length + connections.length > 1 ? "Delete selection" : steps.length ? "step.delete" : "connection.delete", () => {
    if (own.length) stack.execute("connection.delete", { ids: own });
    if (steps.length) stack.execute("step.delete", { ids: [...steps] });
  });
}

export function pasteContent(stack: EditorStack, content: ClipboardContent, offset: { x: number; y: number }): ActionResult {
  if (content.steps.length === 0) return { ok: false, reason: "There is nothing to paste: copy steps first (Ctrl+C)." };
  const planned = planPaste(stack.definition, content, offset);
  stack.execute("selection.paste", planned);
  return { ok: true, steps: planned.steps.map((s) => s.id), connections: planned.connections.map((c) => c.id) };
}

/** Arrow keys: the selected steps by (dx, dy), as one command. */
export function nudgeSteps(stack: EditorStack, ids: readonly string[], dx: number, dy: number): void {
  const at = new Map(stack.definition.steps.map((s) => [s.id, s.position]));
  const moves = ids.filter((id) => at.has(id)).map((id) => ({ id, position: { x: at.get(id)!.x + dx, y: at.get(id)!.y + dy } }));
  if (moves.length) stack.execute("step.move", { moves });
}

/** The positions an auto-layout produced, for `process.layout`. */
export function layoutPositions(laidOut: ProcessDefinition) {
  return laidOut.steps.map((s) => ({ id: s.id, position: s.position }));
}

/** New ids that appeared between two definitions (what an insert added: select them). */
export function addedIds(before: ProcessDefinition, after: ProcessDefinition): { steps: string[]; connections: string[] } {
  const steps = new Set(before.steps.map((s) => s.id));
  const connections = new Set(before.connections.map((c) => c.id));
  return {
    steps: after.steps.filter((s) => !steps.has(s.id)).map((s) => s.id),
    connections: after.connections.filter((c) => !connections.has(c.id)).map((c) => c.id),
  };
}
