import type { Edge, Node } from "@xyflow/react";
import type { Connection, Step, StepKind } from "@baton/model";
import type { Severity } from "../problems/group-problems.ts";

/** What every step node component receives: the step and what to show about it. */
export type StepNodeData = {
  step: Step;
  title: string;
  /** Worst problem on this step, for the red/amber outline. */
  problem?: Severity;
  /** Short texts for a task-like card: who does it (tasks, approvals, notifications)… */
  assignee?: { type: "user" | "group" | "expression"; text: string };
  /** …when it is due (absent without a due rule)… */
  due?: { short: string; long: string };
  /** …what happens when it is late (how many levels, and in words)… */
  escalation?: { levels: number; text: string };
  /** …and, for the other kinds, what they do in a few words ("GET https://…"). */
  detail?: string;
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
