import type { Step, StepKind } from "../process-definition.ts";

/**
 * The one table of step shape sizes. A step's `position` is the TOP-LEFT
 * corner of its shape, as in BPMN diagram bounds and React Flow; the sizes
 * follow BPMN's usual proportions: events (start, end, timer) 36×36,
 * gateways 50×50, tasks and other activities 200×80 (wider than bpmn.io's
 * 100 so that a task's name fits on one or two lines).
 */
export type ShapeSize = { width: number; height: number };

const EVENT: ShapeSize = { width: 36, height: 36 };
const GATEWAY: ShapeSize = { width: 50, height: 50 };
const ACTIVITY: ShapeSize = { width: 200, height: 80 };

export const shapeSizes: Readonly<Record<StepKind, ShapeSize>> = {
  start: EVENT,
  end: EVENT,
  timer: EVENT,
  exclusiveGateway: GATEWAY,
  parallelGateway: GATEWAY,
  inclusiveGateway: GATEWAY,
  userTask: ACTIVITY,
  approval: ACTIVITY,
  notify: ACTIVITY,
  serviceCall: ACTIVITY,
  callActivity: ACTIVITY,
  boundaryEvent: EVENT,
  messageCatch: EVENT,
  eventBasedGateway: GATEWAY,
  /** A new expanded sub-process; each keeps its own `size` once drawn. */
  subProcess: { width: 420, height: 240 },
};

/** A step's box: a sub-process's own size, else its kind's. */
export function shapeSize(step: Pick<Step, "kind"> & { size?: ShapeSize | undefined }): ShapeSize {
  return step.kind === "subProcess" && step.size ? step.size : shapeSizes[step.kind];
}

/**
 * Where a step's top-left corner is on the whole canvas: its `position`
 * is relative to its parent sub-process's corner, which may be inside
 * another one (BPMN diagrams want these absolute bounds).
 */
export function absolutePosition(step: Pick<Step, "position" | "parent">, stepsById: ReadonlyMap<string, Pick<Step, "position" | "parent">>): { x: number; y: number } {
  let { x, y } = step.position;
  const seen = new Set<string>();
  for (let parent = step.parent; parent !== undefined && !seen.has(parent); ) {
    seen.add(parent);
    const outer = stepsById.get(parent);
    if (!outer) break;
    x += outer.position.x;
    y += outer.position.y;
    parent = outer.parent;
  }
  return { x, y };
}

/** The middle of a step's shape. */
export function shapeCentre(step: Pick<Step, "kind" | "position"> & { size?: ShapeSize | undefined }): { x: number; y: number } {
  const size = shapeSize(step);
  return { x: step.position.x + size.width / 2, y: step.position.y + size.height / 2 };
}
