import { MarkerType } from "@xyflow/react";
import type { Connection, ProcessDefinition, Problem } from "@baton/model";
import type { Directory } from "../api/studio-types.ts";
import { severityByElement } from "../problems/group-problems.ts";
import { describeAssignment, describeDue, stepDisplayName } from "../properties/describe-step.ts";
import type { Selection } from "../process/selection.ts";
import type { ConnectionEdge, StepNode } from "./flow-types.ts";
import { chooseSides, nodeSizes } from "./node-geometry.ts";

export type FlowInput = {
  definition: ProcessDefinition;
  problems: readonly Problem[];
  selection: Selection;
  directory?: Directory;
};

const EDGE_COLORS = { normal: "#6b7480", selected: "#3451b2", error: "#d92d20", warning: "#c4720a" };
const MAX_CONDITION_CHARS = 32;

/**
 * The canvas is a view: React Flow nodes and edges derived from the process
 * definition (plus problems and selection), never stored or edited in place.
 * A step that repeats an id, or a connection whose ends are missing, is left
 * off the drawing; the problems panel reports it.
 */
export function definitionToFlow({ definition, problems, selection, directory }: FlowInput): {
  nodes: StepNode[];
  edges: ConnectionEdge[];
} {
  const marks = severityByElement(problems);
  const stepsById = new Map<string, ProcessDefinition["steps"][number]>();
  const nodes: StepNode[] = [];

  for (const step of definition.steps) {
    if (stepsById.has(step.id)) continue;
    stepsById.set(step.id, step);
    const title = stepDisplayName(step);
    const node: StepNode = {
      id: step.id,
      type: step.kind,
      position: { x: step.position.x, y: step.position.y },
      ...nodeSizes[step.kind],
      data: { step, title },
      selected: selection?.type === "step" && selection.id === step.id,
      ariaLabel: `${title}`,
    };
    const problem = marks.steps.get(step.id);
    if (problem) node.data.problem = problem;
    if (step.kind === "userTask") {
      const a = describeAssignment(step.assignment, directory);
      node.data.assignee = { type: a.type, text: a.short };
      if (step.due) {
        const due = describeDue(step.due);
        node.data.due = { short: due.short, long: due.long };
      }
    }
    nodes.push(node);
  }

  const edges: ConnectionEdge[] = [];
  const seen = new Set<string>();
  for (const connection of definition.connections) {
    const source = stepsById.get(connection.source);
    const target = stepsById.get(connection.target);
    if (!source || !target || seen.has(connection.id)) continue;
    seen.add(connection.id);
    const sides = chooseSides(source, target);
    const selected = selection?.type === "connection" && selection.id === connection.id;
    const problem = marks.connections.get(connection.id);
    const color = selected ? EDGE_COLORS.selected : problem ? EDGE_COLORS[problem] : EDGE_COLORS.normal;
    const edge: ConnectionEdge = {
      id: connection.id,
      type: "connection",
      source: source.id,
      target: target.id,
      sourceHandle: `s-${sides.source}`,
      targetHandle: `t-${sides.target}`,
      selected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color },
      interactionWidth: 18,
      ariaLabel: `Connection ${stepDisplayName(source)} to ${stepDisplayName(target)}`,
      data: {
        connection,
        text: edgeText(connection),
        isDefault: connection.isDefault === true,
        hasCondition: Boolean(connection.condition?.trim()),
      },
    };
    if (problem) edge.data!.problem = problem;
    edges.push(edge);
  }
  return { nodes, edges };
}

/** The words on an edge: the analyst's label, else the condition, else "otherwise" for a default. */
export function edgeText(connection: Connection): string {
  const label = connection.label?.trim();
  if (label) return label;
  const condition = connection.condition?.trim();
  if (condition) {
    return condition.length > MAX_CONDITION_CHARS ? `${condition.slice(0, MAX_CONDITION_CHARS - 1)}…` : condition;
  }
  return connection.isDefault ? "otherwise" : "";
}
