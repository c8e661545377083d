import { BOUNDARY_HOST_KINDS, type BoundaryEventStep, type ProcessDefinition, type Step } from "@baton/model";
import { nodeSizes, stepSize } from "../canvas/node-geometry.ts";

/** What the analyst adds onto a step: a deadline (timer) or an error catch. */
export type BoundaryChoice = "timer" | "error";

const EVENT = nodeSizes.boundaryEvent;
/** Centres along the bottom edge: the first near the left corner, then a step apart. */
const FIRST_OFFSET = 40;
const SPACING = 50;

export function canHostBoundary(step: Pick<Step, "kind">): boolean {
  return BOUNDARY_HOST_KINDS.includes(step.kind);
}

/** The boundary events sitting on `hostId`, in draft order. */
export function boundariesOf(definition: ProcessDefinition, hostId: string): BoundaryEventStep[] {
  return definition.steps.filter((s): s is BoundaryEventStep => s.kind === "boundaryEvent" && s.attachedTo === hostId);
}

/**
 * A new boundary event on `host`'s bottom edge, next to the ones already
 * there (wrapping back to the left corner when the edge is full). It lies
 * in the same sub-process as its host, so positions share their origin. A
 * deadline waits a day and interrupts; an error catch catches any error.
 */
export function createBoundaryEvent(definition: ProcessDefinition, host: Step, id: string, choice: BoundaryChoice): BoundaryEventStep {
  const size = stepSize(host);
  const slots = Math.max(1, Math.floor((size.width - FIRST_OFFSET) / SPACING) + 1);
  const taken = boundariesOf(definition, host.id).length;
  const centreX = host.position.x + FIRST_OFFSET + (taken % slots) * SPACING;
  const centreY = host.position.y + size.height;
  const base = {
    id,
    kind: "boundaryEvent" as const,
    position: { x: Math.round(centreX - EVENT.width / 2), y: Math.round(centreY - EVENT.height / 2) },
    ...(host.parent !== undefined ? { parent: host.parent } : {}),
    attachedTo: host.id,
    interrupting: true,
  };
  return choice === "timer"
    ? { ...base, name: "Deadline", trigger: { type: "timer", timer: { type: "duration", duration: "P1D" } } }
    : { ...base, name: "On error", trigger: { type: "error" } };
}

type XY = { x: number; y: number };

/**
 * Where an event dropped at `position` (its top-left corner) sits on its
 * host: its centre on the nearest point of the host's border, as BPMN
 * draws an event attached to a task. An event dropped outside the host
 * comes to the closest edge; one dropped inside goes out to the nearest one.
 */
export function snapToBorder(host: Step, position: XY): XY {
  const size = stepSize(host);
  const left = host.position.x;
  const top = host.position.y;
  const right = left + size.width;
  const bottom = top + size.height;
  const centre = { x: position.x + EVENT.width / 2, y: position.y + EVENT.height / 2 };
  let at = { x: clamp(centre.x, left, right), y: clamp(centre.y, top, bottom) };
  const inside = at.x === centre.x && at.y === centre.y && centre.x > left && centre.x < right && centre.y > top && centre.y < bottom;
  if (inside) {
    const edges = [
      { gap: centre.x - left, point: { x: left, y: centre.y } },
      { gap: right - centre.x, point: { x: right, y: centre.y } },
      { gap: centre.y - top, point: { x: centre.x, y: top } },
      { gap: bottom - centre.y, point: { x: centre.x, y: bottom } },
    ];
    at = edges.reduce((best, edge) => (edge.gap < best.gap ? edge : best)).point;
  }
  return { x: Math.round(at.x - EVENT.width / 2), y: Math.round(at.y - EVENT.height / 2) };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

