import type { Edge, Node } from "@xyflow/react";
import type { Connection, Step, StepKind } from "@baton/model";
import type { Severity } from "../problems/group-problems.ts";

/** What every step node component receives: the step and what to show about it. */
export type StepNodeData = {
  step: Step;
  title: string;
  /** Worst problem on this step, for the red/amber outline. */
  problem?: Severity;
  /** Short texts for a user task card. */
  assignee?: { type: "user" | "group" | "expression"; text: string };
  /** Absent when the task has no due rule. */
  due?: { short: string; long: string };
};
export type StepNode = Node<StepNodeData, StepKind>;

export type ConnectionEdgeData = {
  connection: Connection;
  /** Text on the edge: its label, else its condition, else "otherwise" for a default. */
  text: string;
  isDefault: boolean;
  hasCondition: boolean;
  problem?: Severity;
};
export type ConnectionEdge = Edge<ConnectionEdgeData, "connection">;
