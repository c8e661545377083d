import {
  type ApprovalStep,
  type Assignment,
  type BoundaryEventStep,
  type Connection,
  type ProcessDefinition,
  type ProcessDefinitionInput,
  type ServiceCallStep,
  type StartStep,
  type Step,
  type UserTaskStep,
  processDefinitionSchema,
} from "@baton/model";

/**
 * Small builders so a test's process reads like its diagram:
 * `processOf([start("s"), task("a"), end("e")], [flow("s", "a"), flow("a", "e")])`.
 * The result goes through the model's own schema, so fixtures stay valid
 * definitions as the contract evolves.
 */
const at = { x: 0, y: 0 };
const emptyForm = { schemaVersion: 1 as const, blocks: [] };

export function start(id: string, extra: Partial<Omit<StartStep, "id" | "kind">> = {}): StartStep {
  return { id, kind: "start", name: "", position: at, starters: [], ...extra };
}

/** A user task for the group "staff" unless told otherwise. */
export function task(id: string, extra: Partial<Omit<UserTaskStep, "id" | "kind">> = {}): UserTaskStep {
  return { id, kind: "userTask", name: `Do ${id}`, position: at, assignment: { type: "group", group: "staff" }, form: emptyForm, ...extra };
}

/** A timer step waiting for a duration (`PT1H`) or until a FEEL date. */
export function timer(id: string, wait: { duration: string } | { date: string }): Step {
  return {
    id,
    kind: "timer",
    name: `Wait ${id}`,
    position: at,
    timer: "duration" in wait ? { type: "duration", duration: wait.duration } : { type: "date", expression: wait.date },
  };
}

/** A notify step; `to` is a user, a group or a FEEL expression yielding user names; `emailTo` FEEL yielding addresses. */
export function notify(id: string, to: Assignment, subject: string, message = "", emailTo?: string): Step {
  return { id, kind: "notify", name: `Tell ${id}`, position: at, recipients: to, subject, message, ...(emailTo ? { emailTo } : {}) };
}

/** A service call; `request.headers` default to none, retries and timeout to the model's defaults. */
export function serviceCall(
  id: string,
  request: Omit<ServiceCallStep["request"], "headers"> & { headers?: ServiceCallStep["request"]["headers"] },
  extra: Partial<Omit<ServiceCallStep, "id" | "kind" | "request">> = {},
): Step {
  return { id, kind: "serviceCall", name: `Call ${id}`, position: at, request: { headers: [], ...request }, outputs: [], retries: 3, timeoutSeconds: 30, ...extra };
}

/** An approval by `approvers`; `several` for a vote of several people. */
export function approval(id: string, approvers: Assignment, extra: Partial<Omit<ApprovalStep, "id" | "kind" | "approvers">> = {}): ApprovalStep {
  return { id, kind: "approval", name: `Approve ${id}`, position: at, approvers, fourEyes: true, resultVariable: "approval", ...extra };
}

/** A message wait for `name` with the correlation key `key` (FEEL); `outputs` as `{ to: from }` over the message's data. */
export function messageCatch(id: string, name: string, key: string, outputs?: Record<string, string>): Step {
  const mapped = outputs && Object.entries(outputs).map(([to, from]) => ({ from, to }));
  return { id, kind: "messageCatch", name: `Wait for ${name}`, position: at, message: { name, correlationKey: key }, ...(mapped ? { outputs: mapped } : {}) };
}

export function eventGateway(id: string): Step {
  return { id, kind: "eventBasedGateway", name: "", position: at };
}

export function decision(id: string): Step {
  return { id, kind: "exclusiveGateway", name: "", position: at };
}

export function parallel(id: string): Step {
  return { id, kind: "parallelGateway", name: "", position: at };
}

export function inclusive(id: string): Step {
  return { id, kind: "inclusiveGateway", name: "", position: at };
}

/** An embedded sub-process; its inside is the steps put `inside` it. */
export function subProcess(id: string): Step {
  return { id, kind: "subProcess", name: `Sub ${id}`, position: at };
}

/** The steps placed inside the sub-process `parent`. */
export function inside(parent: string, ...steps: Step[]): Step[] {
  return steps.map((s) => ({ ...s, parent }));
}

/** A call of the process `processKey`, with FEEL mappings `{ to: from }` each way. */
export function callActivity(id: string, processKey: string, inputs: Record<string, string> = {}, outputs: Record<string, string> = {}): Step {
  const mappings = (m: Record<string, string>) => Object.entries(m).map(([to, from]) => ({ from, to }));
  return { id, kind: "callActivity", name: `Call ${processKey}`, position: at, processKey, inputs: mappings(inputs), outputs: mappings(outputs) };
}

export function end(id: string): Step {
  return { id, kind: "end", name: "", position: at };
}

/** An error end throwing `code` (with a message that may hold `{{variable}}`). */
export function errorEnd(id: string, code: string, message = ""): Step {
  return { id, kind: "end", name: `Fail ${id}`, position: at, error: { code, message } };
}

type BoundaryTimerSpec = { duration: string } | { date: string } | { cycle: string };

/** A timer event on the border of `attachedTo`; interrupting unless told otherwise. */
export function boundaryTimer(id: string, attachedTo: string, when: BoundaryTimerSpec, interrupting = true): BoundaryEventStep {
  const timer = "duration" in when ? { type: "duration" as const, duration: when.duration } : "date" in when ? { type: "date" as const, expression: when.date } : { type: "cycle" as const, cycle: when.cycle };
  return { id, kind: "boundaryEvent", name: `Timer ${id}`, position: at, attachedTo, trigger: { type: "timer", timer }, interrupting };
}

/** An error event on the border of `attachedTo`, catching `errorCode` (any error when absent). */
export function boundaryError(id: string, attachedTo: string, errorCode?: string, errorVariable?: string): BoundaryEventStep {
  return { id, kind: "boundaryEvent", name: `Catch ${id}`, position: at, attachedTo, trigger: { type: "error", ...(errorCode ? { errorCode } : {}), ...(errorVariable ? { errorVariable } : {}) }, interrupting: true };
}

/** A connection with the id `source->target`. */
export function flow(source: string, target: string, extra: Partial<Omit<Connection, "source" | "target">> = {}): Connection {
  return { id: `${source}->${target}`, source, target, ...extra };
}

/** Connections along a path: chain("s", "a", "e") = s->a, a->e. */
export function chain(...stepIds: string[]): Connection[] {
  return stepIds.slice(1).map((target, i) => flow(stepIds[i] as string, target));
}

export function processOf(steps: Step[], connections: Connection[], extra: Partial<ProcessDefinitionInput> = {}): ProcessDefinition {
  return processDefinitionSchema.parse({ schemaVersion: 1, key: "test-process", name: "Test process", steps, connections, ...extra });
}
