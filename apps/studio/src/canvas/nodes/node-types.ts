import type { NodeTypes } from "@xyflow/react";
import type { StepKind } from "@baton/model";
import { EventNode } from "./EventNode.tsx";
import { GatewayNode } from "./GatewayNode.tsx";
import { SubProcessNode } from "./SubProcessNode.tsx";
import { UserTaskNode } from "./UserTaskNode.tsx";

/** One component per step kind; module-level so React Flow sees a stable object. */
export const nodeTypes = {
  start: EventNode,
  end: EventNode,
  userTask: UserTaskNode,
  exclusiveGateway: GatewayNode,
  parallelGateway: GatewayNode,
  inclusiveGateway: GatewayNode,
  subProcess: SubProcessNode,
  approval: UserTaskNode,
  timer: EventNode,
  notify: UserTaskNode,
  serviceCall: UserTaskNode,
  callActivity: UserTaskNode,
  boundaryEvent: EventNode,
  messageCatch: EventNode,
  eventBasedGateway: GatewayNode,
} satisfies Record<StepKind, unknown> as NodeTypes;
