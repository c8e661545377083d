import type { NodeHandle } from "@xyflow/react";
import { Position } from "@xyflow/react";
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
  inclusiveGateway: { width: 50, height: 50 },
  /** A new sub-process; each keeps its own `size` once drawn (stepSize). */
  subProcess: { width: 420, height: 240 },
  approval: { width: 200, height: 80 },
  timer: { width: 36, height: 36 },
  notify: { width: 200, height: 80 },
  serviceCall: { width: 200, height: 80 },
  callActivity: { width: 200, height: 80 },
  boundaryEvent: { width: 36, height: 36 },
  messageCatch: { width: 36, height: 36 },
  eventBasedGateway: { width: 50, height: 50 },
};

type Sized = Pick<Step, "kind" | "position"> & { size?: { width: number; height: number } | undefined };

/** A step's box: a sub-process's own size (it is drawn as large as its inside needs), else its kind's. */
export function stepSize(step: Pick<Step, "kind"> & { size?: { width: number; height: number } | undefined }): { width: number; height: number } {
  return step.kind === "subProcess" && step.size ? step.size : nodeSizes[step.kind];
}

/** The middle of a step's shape. */
export function stepCentre(step: Sized): { x: number; y: number } {
  const size = stepSize(step);
  return { x: step.position.x + size.width / 2, y: step.position.y + size.height / 2 };
}

export type Side = "top" | "right" | "bottom" | "left";

const sidePositions: Record<Side, Position> = { top: Position.Top, right: Position.Right, bottom: Position.Bottom, left: Position.Left };
const handlesByKind = new Map<string, NodeHandle[]>();

/**
 * Where the handles of a shape of `kind` are: a source (`s-<side>`) and a
 * target (`t-<side>`) at the middle of each side, as points on the border,
 * so lines end on the shape. The canvas gives them to React Flow with each
 * node; it then neither has to draw every step once to measure its handles
 * in the page (a 1,000-step process would be drawn whole on opening), nor
 * lose the lines to steps that are scrolled out of view.
 */
export function stepHandles(kind: StepKind, size = nodeSizes[kind]): NodeHandle[] {
  const key = `${kind}:${size.width}x${size.height}`;
  let handles = handlesByKind.get(key);
  if (!handles) {
    const { width, height } = size;
    const points: Record<Side, { x: number; y: number }> = {
      top: { x: width / 2, y: 0 },
      right: { x: width, y: height / 2 },
      bottom: { x: width / 2, y: height },
      left: { x: 0, y: height / 2 },
    };
    handles = (Object.keys(points) as Side[]).flatMap((side) =>
      (["source", "target"] as const).map((type) => ({
        id: `${type === "source" ? "s" : "t"}-${side}`,
        type,
        position: sidePositions[side],
        ...points[side],
        width: 0,
        height: 0,
      })),
    );
    handlesByKind.set(key, handles);
  }
  return handles;
}

/** Two centres closer than this count as on one row (or column). */
const ALIGN_TOLERANCE = 24;
const GAP = 8;

const isGateway = (kind: StepKind) => kind === "exclusiveGateway" || kind === "parallelGateway" || kind === "inclusiveGateway";

/**
 * Picks the sides an edge uses, the way a person draws a flow chart:
 * forward along a row right → left; a decision's branches leave by its top
 * or bottom corner, and join a gateway by its top or bottom; a loop back on
 * the same row runs underneath; anything in a column goes straight up/down;
 * an event on a step's border leaves downwards to what lies below it.
 */
export function chooseSides(source: Sized, target: Sized): {
  source: Side;
  target: Side;
} {
  const s = stepCentre(source);
  const t = stepCentre(target);
  const sw = stepSize(source).width / 2;
  const tw = stepSize(target).width / 2;
  const dy = t.y - s.y;
  const sameRow = Math.abs(dy) < ALIGN_TOLERANCE;
  const forward = t.x - tw >= s.x + sw + GAP;
  const backward = t.x + tw <= s.x - sw - GAP;

  // An event on a step's bottom edge leaves downwards, clear of its step.
  if (source.kind === "boundaryEvent" && dy >= ALIGN_TOLERANCE) {
    return { source: "bottom", target: forward || backward ? (forward ? "left" : "right") : "top" };
  }

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
 * A centre for a new shape of `kind` near `centre` where it overlaps no
 * step (with a margin), searched ring by ring outwards on a 20px grid; so
 * steps added at the middle of the view with the keyboard land side by
 * side instead of on top of each other.
 */
export function freeCentre(steps: readonly Pick<Step, "kind" | "position">[], centre: { x: number; y: number }, kind: StepKind = "userTask") {
  const size = nodeSizes[kind];
  const margin = 20;
  const free = (c: { x: number; y: number }) =>
    steps.every((s) => {
      const other = nodeSizes[s.kind];
      return (
        c.x + size.width / 2 + margin <= s.position.x ||
        c.x - size.width / 2 - margin >= s.position.x + other.width ||
        c.y + size.height / 2 + margin <= s.position.y ||
        c.y - size.height / 2 - margin >= s.position.y + other.height
      );
    });
  const start = { x: Math.round(centre.x), y: Math.round(centre.y) };
  for (let ring = 0; ring <= 40; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const c = { x: start.x + dx * 20, y: start.y + dy * 20 };
        if (free(c)) return c;
      }
    }
  }
  return start;
}
