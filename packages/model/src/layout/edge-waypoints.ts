import type { Step } from "../process-definition.ts";
import { shapeSize } from "./shape-sizes.ts";

export type Point = { x: number; y: number };

const GAP = 8;
/** How far below the lower of two shapes a loop back runs. */
const LOOP_CLEARANCE = 40;

const isGateway = (step: Pick<Step, "kind">) => step.kind === "exclusiveGateway" || step.kind === "parallelGateway" || step.kind === "inclusiveGateway";

type Placed = Pick<Step, "kind" | "position"> & { size?: { width: number; height: number } | undefined };

function box(step: Placed) {
  const { width, height } = shapeSize(step);
  const { x, y } = step.position;
  return { left: x, right: x + width, top: y, bottom: y + height, cx: x + width / 2, cy: y + height / 2 };
}

/**
 * An orthogonal route for a connection, as BPMN diagram interchange wants it
 * (`di:waypoint`s from the source's border to the target's). Baton stores no
 * waypoints, so they are derived from the shapes the way a person draws a
 * flow chart: forward along a row, a decision's branches out of its top or
 * bottom corner, loops back underneath, columns straight down.
 */
export function edgeWaypoints(source: Placed, target: Placed): Point[] {
  const s = box(source);
  const t = box(target);
  if (t.left >= s.right + GAP) {
    if (Math.abs(t.cy - s.cy) < 1) return [pt(s.right, s.cy), pt(t.left, t.cy)];
    if (isGateway(source)) {
      return [pt(s.cx, t.cy < s.cy ? s.top : s.bottom), pt(s.cx, t.cy), pt(t.left, t.cy)];
    }
    if (isGateway(target)) {
      return [pt(s.right, s.cy), pt(t.cx, s.cy), pt(t.cx, t.cy < s.cy ? t.bottom : t.top)];
    }
    const midX = (s.right + t.left) / 2;
    return [pt(s.right, s.cy), pt(midX, s.cy), pt(midX, t.cy), pt(t.left, t.cy)];
  }
  if (t.right <= s.left - GAP) {
    const y = Math.max(s.bottom, t.bottom) + LOOP_CLEARANCE;
    return [pt(s.cx, s.bottom), pt(s.cx, y), pt(t.cx, y), pt(t.cx, t.bottom)];
  }
  // Overlapping columns: straight down (or up), with a jog when the centres differ.
  const down = t.cy >= s.cy;
  const from = pt(s.cx, down ? s.bottom : s.top);
  const to = pt(t.cx, down ? t.top : t.bottom);
  if (from.x === to.x) return [from, to];
  const midY = (from.y + to.y) / 2;
  return [from, pt(from.x, midY), pt(to.x, midY), to];
}

const pt = (x: number, y: number): Point => ({ x, y });
