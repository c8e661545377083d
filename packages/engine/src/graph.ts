import type { BoundaryEventStep, Connection, ProcessDefinition, StartStep, Step } from "@baton/model";
import { EngineUsageError } from "./engine-usage-error.ts";

/** The definition indexed for walking: steps by id, connections by end, in definition order. */
export type Graph = {
  step(id: string): Step;
  outgoing(stepId: string): Connection[];
  incoming(stepId: string): Connection[];
  /** The boundary events sitting on a step, in definition order. */
  boundariesOf(stepId: string): BoundaryEventStep[];
  /** Steps a token at `stepId` may go to next: the targets of its outgoing connections. */
  successors(stepId: string): string[];
  /** The top-level start. */
  start(): StartStep;
  /** The plain start inside the sub-process `subProcessId`. */
  startInside(subProcessId: string): StartStep | undefined;
};

export function indexGraph(definition: ProcessDefinition): Graph {
  const steps = new Map<string, Step>();
  const boundaries = new Map<string, BoundaryEventStep[]>();
  for (const s of definition.steps) {
    steps.set(s.id, s);
    if (s.kind === "boundaryEvent") boundaries.set(s.attachedTo, [...(boundaries.get(s.attachedTo) ?? []), s]);
  }
  const outgoing = new Map<string, Connection[]>();
  const incoming = new Map<string, Connection[]>();
  for (const c of definition.connections) {
    for (const end of [c.source, c.target]) {
      if (!steps.has(end)) {
        throw new EngineUsageError(`process "${definition.key}": connection "${c.id}" refers to unknown step "${end}"`);
      }
    }
    outgoing.set(c.source, [...(outgoing.get(c.source) ?? []), c]);
    incoming.set(c.target, [...(incoming.get(c.target) ?? []), c]);
  }
  return {
    step(id) {
      const found = steps.get(id);
      if (!found) throw new EngineUsageError(`process "${definition.key}" has no step "${id}"`);
      return found;
    },
    outgoing: (stepId) => outgoing.get(stepId) ?? [],
    incoming: (stepId) => incoming.get(stepId) ?? [],
    boundariesOf: (stepId) => boundaries.get(stepId) ?? [],
    successors: (stepId) => (outgoing.get(stepId) ?? []).map((c) => c.target),
    startInside: (subProcessId) => definition.steps.find((s): s is StartStep => s.kind === "start" && s.parent === subProcessId),
    start() {
      const starts = definition.steps.filter((s): s is StartStep => s.kind === "start" && s.parent === undefined);
      const [only] = starts;
      if (!only || starts.length > 1) {
        throw new EngineUsageError(`process "${definition.key}" has ${starts.length} start steps; the engine needs exactly one`);
      }
      return only;
    },
  };
}
