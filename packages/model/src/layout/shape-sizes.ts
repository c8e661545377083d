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
  userTask: ACTIVITY,
  approval: ACTIVITY,
  notify: ACTIVITY,
  serviceCall: ACTIVITY,
  callActivity: ACTIVITY,
  boundaryEvent: EVENT,
};

/** The middle of a step's shape. */
export function shapeCentre(step: Pick<Step, "kind" | "position">): { x: number; y: number } {
  const size = shapeSizes[step.kind];
  return { x: step.position.x + size.width / 2, y: step.position.y + size.height / 2 };
}
