import { MarkerType } from "@xyflow/react";
import type { Connection, ProcessDefinition, Problem, Step } from "@baton/model";
import type { Directory } from "../api/studio-types.ts";
import { severityByElement, type Severity } from "../problems/group-problems.ts";
import { describeAssignment, describeDue, describeDuration, describeEscalations, stepDisplayName, stepKindLabel } from "../properties/describe-step.ts";
import { describeBoundary } from "../properties/kinds/boundary-words.ts";
import type { ElementSelection } from "../process/selection.ts";
import type { ConnectionEdge, StepNode } from "./flow-types.ts";
import { chooseSides, stepHandles, stepSize } from "./node-geometry.ts";

export type FlowInput = {
  definition: ProcessDefinition;
  problems: readonly Problem[];
  selection: ElementSelection;
  directory?: Directory | undefined;
};

/**
 * Remembers the node and edge objects of the previous derivation. React
 * Flow re-renders a node only when its object changes, so a node whose
 * step, selection, problem mark and directory are the same as last time is
 * handed over as the very same object (on a 1,000-step process, a move
 * then re-renders one node, not all). A list in which nothing changed is
 * handed over as the same array, so selecting a step does not make React
 * Flow re-index a thousand connections.
 */
export type FlowCache = {
  /** The lists last handed out: handed out again when not one item changed (React Flow then skips its O(n) re-sync). */
  nodeList: StepNode[];
  edgeList: ConnectionEdge[];
  nodes: Map<string, { step: Step; parentId: string | undefined; selected: boolean; problem: Severity | undefined; directory: Directory | undefined; node: StepNode }>;
  edges: Map<string, { connection: Connection; source: Step; target: Step; selected: boolean; problem: Severity | undefined; edge: ConnectionEdge }>;
};

export function createFlowCache(): FlowCache {
  return { nodeList: [], edgeList: [], nodes: new Map(), edges: new Map() };
}

const EDGE_COLORS = { normal: "#6b7480", selected: "#3451b2", error: "#d92d20", warning: "#c4720a" };
const MAX_CONDITION_CHARS = 32;
const BOUNDARY_Z = 1001;

/**
 * The canvas is a view: React Flow nodes and edges derived from the process
 * definition (plus problems and selection), never stored or edited in place.
 * A step that repeats an id, or a connection whose ends are missing, is left
 * off the drawing; the problems panel reports it.
 */
export function definitionToFlow(
  { definition, problems, selection, directory }: FlowInput,
  cache: FlowCache = createFlowCache(),
): { nodes: StepNode[]; edges: ConnectionEdge[] } {
  const marks = severityByElement(problems);
  const selectedSteps = new Set(selection.steps);
  const selectedConnections = new Set(selection.connections);
  const stepsById = new Map<string, Step>();
  const nodes: StepNode[] = [];
  const nodeCache: FlowCache["nodes"] = new Map();

  for (const step of definition.steps) if (!stepsById.has(step.id)) stepsById.set(step.id, step);
  for (const step of parentsFirst(stepsById)) {
    const parentId = drawnInside(step, stepsById);
    const selected = selectedSteps.has(step.id);
    const problem = marks.steps.get(step.id);
    const prev = cache.nodes.get(step.id);
    const node =
      prev && prev.step === step && prev.parentId === parentId && prev.selected === selected && prev.problem === problem && prev.directory === directory
        ? prev.node
        : stepNode(step, parentId, selected, problem, directory);
    nodeCache.set(step.id, { step, parentId, selected, problem, directory, node });
    nodes.push(node);
  }

  const edges: ConnectionEdge[] = [];
  const edgeCache: FlowCache["edges"] = new Map();
  for (const connection of definition.connections) {
    const source = stepsById.get(connection.source);
    const target = stepsById.get(connection.target);
    if (!source || !target || edgeCache.has(connection.id)) continue;
    const selected = selectedConnections.has(connection.id);
    const problem = marks.connections.get(connection.id);
    const prev = cache.edges.get(connection.id);
    const edge =
      prev && prev.connection === connection && prev.source === source && prev.target === target && prev.selected === selected && prev.problem === problem
        ? prev.edge
        : connectionEdge(connection, source, target, selected, problem);
    edgeCache.set(connection.id, { connection, source, target, selected, problem, edge });
    edges.push(edge);
  }
  cache.nodes = nodeCache;
  cache.edges = edgeCache;
  cache.nodeList = sameItems(cache.nodeList, nodes) ? cache.nodeList : nodes;
  cache.edgeList = sameItems(cache.edgeList, edges) ? cache.edgeList : edges;
  return { nodes: cache.nodeList, edges: cache.edgeList };
}

/** The sub-process a step is drawn inside: its parent, when that is a sub-process not (however deeply) inside the step itself. */
function drawnInside(step: Step, stepsById: ReadonlyMap<string, Step>): string | undefined {
  if (step.parent === undefined || stepsById.get(step.parent)?.kind !== "subProcess") return undefined;
  const seen = new Set<string>([step.id]);
  for (let at: string | undefined = step.parent; at !== undefined; at = stepsById.get(at)?.parent) {
    if (seen.has(at)) return undefined;
    seen.add(at);
  }
  return step.parent;
}

/** The first step of each id, every sub-process before what lies in it (React Flow wants parents first). */
function parentsFirst(stepsById: ReadonlyMap<string, Step>): Step[] {
  const firsts = [...stepsById.values()];
  const inside = new Map<string | undefined, Step[]>();
  for (const step of firsts) {
    const parent = drawnInside(step, stepsById);
    inside.set(parent, [...(inside.get(parent) ?? []), step]);
  }
  const out: Step[] = [];
  const visit = (parent: string | undefined) => {
    for (const step of inside.get(parent) ?? []) {
      out.push(step);
      if (step.kind === "subProcess") visit(step.id);
    }
  };
  visit(undefined);
  return out;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function stepNode(step: Step, parentId: string | undefined, selected: boolean, problem: Severity | undefined, directory: Directory | undefined): StepNode {
  const title = stepDisplayName(step);
  const size = stepSize(step);
  const node: StepNode = {
    id: step.id,
    type: step.kind,
    position: { x: step.position.x, y: step.position.y },
    // Inside a sub-process: React Flow draws it in its parent, at a position relative to it (as stored).
    ...(parentId ? { parentId, extent: "parent" as const } : {}),
    ...(step.kind === "subProcess" ? { zIndex: -1 } : {}),
    // On its step's border: drawn over the step, even a selected one (React Flow lifts a selected node by 1000).
    ...(step.kind === "boundaryEvent" ? { zIndex: BOUNDARY_Z } : {}),
    ...size,
    // Shapes have fixed sizes, so we know what React Flow would measure. Saying
    // so keeps its measurements (and handle positions) when a step's node
    // object is replaced; without it React Flow forgets them and, when the
    // size did not change, may never measure again: edges to it vanish.
    measured: { ...size },
    handles: stepHandles(step.kind, size),
    data: { step, title },
    selected,
    ariaLabel: `${stepKindLabel(step.kind)}: ${title}`,
  };
  if (problem) node.data.problem = problem;
  const who = step.kind === "userTask" ? step.assignment : step.kind === "approval" ? step.approvers : step.kind === "notify" ? step.recipients : null;
  if (who) {
    const a = describeAssignment(who, directory);
    node.data.assignee = { type: a.type, text: a.short };
  }
  if ((step.kind === "userTask" || step.kind === "approval") && step.due) {
    const due = describeDue(step.due);
    node.data.due = { short: due.short, long: due.long };
  }
  if ((step.kind === "userTask" || step.kind === "approval") && step.escalations?.length) {
    node.data.escalation = { levels: step.escalations.length, text: describeEscalations(step.escalations, directory) };
  }
  if (step.kind === "serviceCall") node.data.detail = `${step.request.method} ${step.request.url}`;
  if (step.kind === "callActivity") node.data.detail = `Runs ${step.processKey}`;
  if (step.kind === "messageCatch") node.data.detail = `Waits for "${step.message.name}" with key ${step.message.correlationKey}`;
  if (step.kind === "start" && step.trigger) {
    const { trigger } = step;
    node.data.detail = trigger.type === "message" ? `Also starts on the message "${trigger.message}"` : trigger.timer.type === "cycle" ? `Also starts on the timer ${trigger.timer.cycle}` : `Also starts at ${trigger.timer.date}`;
  }
  if (step.kind === "boundaryEvent") node.data.detail = describeBoundary(step);
  if (step.kind === "timer") {
    node.data.detail =
      step.timer.type === "duration" ? `Waits ${describeDuration(step.timer.duration) ?? step.timer.duration}` : `Until ${step.timer.expression}`;
  }
  return node;
}

function connectionEdge(connection: Connection, source: Step, target: Step, selected: boolean, problem: Severity | undefined): ConnectionEdge {
  const sides = chooseSides(source, target);
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
  return edge;
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
