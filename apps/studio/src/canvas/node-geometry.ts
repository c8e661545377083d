import type { Step, StepKind } from "@baton/model";

/**
 * Sizes of the step shapes and which side an edge leaves and enters by.
 *
 * A step's `position` in the definition is the TOP-LEFT corner of its shape,
 * as in BPMN diagram bounds and React Flow; the sizes follow BPMN's usual
 * proportions (events 36, gateways 50, tasks 80 high), which is what the
 * templates are laid out for.
 */
export const nodeSizes: Record<StepKind, { width: number; height: number }> = {
  start: { width: 36, height: 36 },
  end: { width: 36, height: 36 },
  userTask: { width: 200, height: 80 },
  exclusiveGateway: { width: 50, height: 50 },
  parallelGateway: { width: 50, height: 50 },
  approval: { width: 200, height: 80 },
  timer: { width: 36, height: 36 },
  notify: { width: 200, height: 80 },
  serviceCall: { width: 200, height: 80 },
  callActivity: { width: 200, height: 80 },
};

/** The middle of a step's shape. */
export function stepCentre(step: Pick<Step, "kind" | "position">): { x: number; y: number } {
  const size = nodeSizes[step.kind];
  return { x: step.position.x + size.width / 2, y: step.position.y + size.height / 2 };
}

export type Side = "top" | "right" | "bottom" | "left";

/** Two centres closer than this count as on one row (or column). */
const ALIGN_TOLERANCE = 24;
const GAP = 8;

const isGateway = (kind: StepKind) => kind === "exclusiveGateway" || kind === "parallelGateway";

/**
 * Picks the sides an edge uses, the way a person draws a flow chart:
 * forward along a row right → left; a decision's branches leave by its top
 * or bottom corner, and join a gateway by its top or bottom; a loop back on
 * the same row runs underneath; anything in a column goes straight up/down.
 */
export function chooseSides(source: Pick<Step, "kind" | "position">, target: Pick<Step, "kind" | "position">): {
  source: Side;
  target: Side;
} {
  const s = stepCentre(source);
  const t = stepCentre(target);
  const sw = nodeSizes[source.kind].width / 2;
  const tw = nodeSizes[target.kind].width / 2;
  const dy = t.y - s.y;
  const sameRow = Math.abs(dy) < ALIGN_TOLERANCE;
  const forward = t.x - tw >= s.x + sw + GAP;
  const backward = t.x + tw <= s.x - sw - GAP;

  if (forward) {
    if (sameRow) return { source: "right", target: "left" };
    if (isGateway(source.kind)) return { source: dy < 0 ? "top" : "bottom", target: "left" };
    if (isGateway(target.kind)) return { source: "right", target: dy > 0 ? "top" : "bottom" };
    return { source: "right", target: "left" };
  }
  if (backward) {
    if (sameRow) return { source: "bottom", target: "bottom" };
    return dy < 0 ? { source: "top", target: "bottom" } : { source: "bottom", target: "top" };
  }
  // Overlapping columns: straight up or down (or, on top of each other, out the right).
  if (Math.abs(dy) < ALIGN_TOLERANCE) return { source: "right", target: "left" };
  return dy > 0 ? { source: "bottom", target: "top" } : { source: "top", target: "bottom" };
}

/** The step whose shape contains `point` (the topmost, i.e. the last drawn), if any. */
export function stepAt(steps: readonly Pick<Step, "id" | "kind" | "position">[], point: { x: number; y: number }, margin = 0) {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    const { width, height } = nodeSizes[s.kind];
    if (
      point.x >= s.position.x - margin &&
      point.x <= s.position.x + width + margin &&
      point.y >= s.position.y - margin &&
      point.y <= s.position.y + height + margin
    ) {
      return s;
    }
  }
  return undefined;
}

/**
 * A centre near `centre` where no step's centre already sits, so inserting
 * several steps at the viewport centre with the keyboard fans them out
 * instead of stacking them.
 */
export function freeCentre(steps: readonly Pick<Step, "kind" | "position">[], centre: { x: number; y: number }) {
  const taken = steps.map(stepCentre);
  let at = { x: Math.round(centre.x), y: Math.round(centre.y) };
  for (let i = 0; i < 50 && taken.some((t) => Math.abs(t.x - at.x) < 20 && Math.abs(t.y - at.y) < 20); i++) {
    at = { x: at.x + 30, y: at.y + 30 };
  }
  return at;
}
