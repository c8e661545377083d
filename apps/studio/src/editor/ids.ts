import type { ProcessDefinition, StepKind } from "@baton/model";

/** Readable id stems, so a draft's JSON (and its BPMN) stays legible. */
const stems: Record<StepKind, string> = {
  start: "start",
  userTask: "task",
  exclusiveGateway: "decision",
  parallelGateway: "parallel",
  inclusiveGateway: "inclusive",
  subProcess: "subprocess",
  end: "end",
  approval: "approval",
  timer: "wait",
  notify: "notify",
  serviceCall: "service",
  callActivity: "call",
  boundaryEvent: "event",
  messageCatch: "message",
  eventBasedGateway: "firstevent",
};

/** `stem` + the smallest number ≥ 1 not yet taken. Adds the new id to `taken`. */
export function uniqueId(taken: Set<string>, stem: string): string {
  let n = 1;
  while (taken.has(`${stem}${n}`)) n++;
  const id = `${stem}${n}`;
  taken.add(id);
  return id;
}

export function takenStepIds(definition: ProcessDefinition): Set<string> {
  return new Set(definition.steps.map((s) => s.id));
}

export function takenConnectionIds(definition: ProcessDefinition): Set<string> {
  return new Set(definition.connections.map((c) => c.id));
}

export function newStepId(definition: ProcessDefinition, kind: StepKind, taken = takenStepIds(definition)): string {
  return uniqueId(taken, stems[kind]);
}

export function newConnectionId(definition: ProcessDefinition, taken = takenConnectionIds(definition)): string {
  return uniqueId(taken, "flow");
}
