import type { Connection, Step, StepKind } from "@baton/model";
import { nodeSizes } from "../canvas/node-geometry.ts";

/**
 * A block drawn small: its steps as the canvas draws them (tasks as boxes,
 * events as circles, gateways as diamonds, at the canvas's sizes) and its
 * connections as straight lines between their shapes' edges. Pure, so the
 * library and the save dialog draw the same picture and tests can read it.
 */
export type PreviewShape =
  | { type: "task"; stepId: string; name: string; x: number; y: number; width: number; height: number }
  | { type: "event"; stepId: string; name: string; kind: "start" | "end" | "timer"; cx: number; cy: number; r: number }
  | { type: "gateway"; stepId: string; name: string; kind: "exclusive" | "parallel"; points: string }
  | { type: "flow"; connectionId: string; x1: number; y1: number; x2: number; y2: number };

export type BlockPreviewModel = {
  /** `minX minY width height`, the shapes plus a margin. */
  viewBox: string;
  width: number;
  height: number;
  /** Flows first, so the steps are drawn over their ends. */
  shapes: PreviewShape[];
};

const MARGIN = 8;

type Outline = "box" | "circle" | "diamond";
const outlineOf = (kind: StepKind): Outline =>
  kind === "start" || kind === "end" || kind === "timer" || kind === "messageCatch"
    ? "circle"
    : kind === "exclusiveGateway" || kind === "parallelGateway" || kind === "inclusiveGateway" || kind === "eventBasedGateway"
      ? "diamond"
      : "box";

export function blockPreview(fragment: { steps: readonly Step[]; connections: readonly Connection[] }): BlockPreviewModel {
  const byId = new Map(fragment.steps.map((s) => [s.id, s]));
  const flows: PreviewShape[] = [];
  for (const c of fragment.connections) {
    const source = byId.get(c.source);
    const target = byId.get(c.target);
    if (!source || !target || source === target) continue;
    const [x1, y1] = edgePoint(source, centre(target));
    const [x2, y2] = edgePoint(target, centre(source));
    flows.push({ type: "flow", connectionId: c.id, x1, y1, x2, y2 });
  }
  const nodes = fragment.steps.map(stepShape);
  if (fragment.steps.length === 0) return { viewBox: "0 0 0 0", width: 0, height: 0, shapes: [] };
  const left = Math.min(...fragment.steps.map((s) => s.position.x)) - MARGIN;
  const top = Math.min(...fragment.steps.map((s) => s.position.y)) - MARGIN;
  const right = Math.max(...fragment.steps.map((s) => s.position.x + nodeSizes[s.kind].width)) + MARGIN;
  const bottom = Math.max(...fragment.steps.map((s) => s.position.y + nodeSizes[s.kind].height)) + MARGIN;
  const width = right - left;
  const height = bottom - top;
  return { viewBox: `${left} ${top} ${width} ${height}`, width, height, shapes: [...flows, ...nodes] };
}

function stepShape(step: Step): PreviewShape {
  const { width, height } = nodeSizes[step.kind];
  const { x, y } = step.position;
  const base = { stepId: step.id, name: step.name };
  if (step.kind === "start" || step.kind === "end" || step.kind === "timer" || step.kind === "messageCatch") {
    // A message wait is drawn as the intermediate event it is, like a wait.
    return { ...base, type: "event", kind: step.kind === "messageCatch" ? "timer" : step.kind, cx: x + width / 2, cy: y + height / 2, r: width / 2 };
  }
  if (step.kind === "exclusiveGateway" || step.kind === "parallelGateway" || step.kind === "inclusiveGateway" || step.kind === "eventBasedGateway") {
    const points = [
      [x + width / 2, y],
      [x + width, y + height / 2],
      [x + width / 2, y + height],
      [x, y + height / 2],
    ];
    return { ...base, type: "gateway", kind: step.kind === "parallelGateway" ? "parallel" : "exclusive", points: points.map((p) => p.join(",")).join(" ") };
  }
  return { ...base, type: "task", x, y, width, height };
}

function centre(step: Step): [number, number] {
  const { width, height } = nodeSizes[step.kind];
  return [step.position.x + width / 2, step.position.y + height / 2];
}

/** Where the line from the step's centre towards `to` leaves its outline. */
function edgePoint(step: Step, to: [number, number]): [number, number] {
  const [cx, cy] = centre(step);
  const dx = to[0] - cx;
  const dy = to[1] - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const hw = nodeSizes[step.kind].width / 2;
  const hh = nodeSizes[step.kind].height / 2;
  const outline = outlineOf(step.kind);
  // The fraction of (dx, dy) at which the outline is crossed.
  const t =
    outline === "circle"
      ? hw / Math.hypot(dx, dy)
      : outline === "diamond"
        ? 1 / (Math.abs(dx) / hw + Math.abs(dy) / hh)
        : Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return [round(cx + dx * t), round(cy + dy * t)];
}

const round = (n: number) => Math.round(n * 10) / 10;
