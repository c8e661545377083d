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
