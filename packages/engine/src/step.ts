import { fireBoundaryTimer } from "./boundaries/boundary-timers.ts";
import { approvalElement } from "./elements/approval.ts";
import { callActivityElement } from "./elements/call-activity.ts";
import { EngineUsageError } from "./engine-usage-error.ts";
import { serviceCallElement } from "./elements/service-call.ts";
import { startElement } from "./elements/start.ts";
import { timerElement } from "./elements/timer.ts";
import { escalate } from "./escalation.ts";
import { eventBasedGatewayElement } from "./elements/event-based-gateway.ts";
import { messageCatchElement } from "./elements/message-catch.ts";
import { userTaskElement } from "./elements/user-task.ts";
import { indexGraph } from "./graph.ts";
import { correctVariables, skipIncident, takeIncident } from "./incidents.ts";
import { initialState } from "./initial-state.ts";
import { Run } from "./run.ts";
import { runTokens } from "./run-tokens.ts";
import { type EngineEvent, type InstanceState, STATE_VERSION, type Step, type StepResult } from "./types.ts";

/**
 * The engine step: `(definition, state, event, env) → { state, commands }`.
 *
 * Lifecycle of an instance:
 * 1. `started` (no state yet): the start's output mapping turns the start
 *    form into the first variables, who started is recorded, and a token
 *    leaves the start.
 * 2. Tokens run (run-tokens.ts) until each one waits: at a user task (a
 *    `createTask` command went out), at a parallel join (for its other
 *    branches), or under an incident (a decision matched nothing, an
 *    expression broke, a loop never reached a wait state). Tokens reaching
 *    an end are consumed.
 * 3. `taskCompleted` takes the task's token, merges the submitted data into
 *    the variables and moves the token on; back to 2.
 * 4. `incidentRetried` runs a stuck token's step again, optionally after
 *    correcting variables; back to 2.
 * 4b. `timerFired` (sent by the runtime when a scheduled timer is due)
 *    moves a token waiting at a timer step on (back to 2), escalates the
 *    open task whose level it is (`escalateTask`; the task keeps waiting),
 *    or sets off a boundary timer on an activity (boundaries/: interrupting
 *    cancels the activity; either way a token leaves by the event).
 * 4d. An error end throws a business error, caught by a boundary error
 *    event on an enclosing activity or else an `error.uncaught` incident;
 *    a service call's failure is caught the same way when an event waits
 *    for it (boundaries/throw-error.ts).
 * 4c. `serviceAnswered` moves a token waiting at a service call on with
 *    the response mapped (back to 2); `serviceFailed` stops it under a
 *    `service.failed` incident; `incidentSkipped` moves a token stuck at a
 *    service call on without calling (elements/service-call.ts).
 * 4e. A sub-process runs its inside in a scope of its own and moves on
 *    when nothing is left there (elements/sub-process.ts). A call activity
 *    asks the runtime to start another process (`startChild`) and waits for
 *    `childCompleted` (elements/call-activity.ts), or `childFailed`, an
 *    error the called process did not catch, which a boundary error event
 *    on the call activity may.
 * 4f. A message wait works out its correlation key and subscribes
 *    (`waitForMessage`); `messageReceived` maps the message's data and moves
 *    the token on. An event gateway arms the timers and message waits after
 *    it at once; the first `timerFired` or `messageReceived` wins and the
 *    rest are called off (elements/event-based-gateway.ts).
 * 5. After every event: timers and message subscriptions of tokens that no
 *    longer wait are cancelled (`cancelTimer`, `stopWaiting`); no token left → `completed` and `endInstance`; an
 *    open incident → `incident`; otherwise `running`. A completed instance
 *    accepts no more events.
 *
 * Pure: the input state is not touched (the step works on a copy), time is
 * `env.now`, ids come from `env.newId()`, and the returned state is plain
 * JSON that can be stored and handed back. Misuse by the caller throws an
 * EngineUsageError; trouble inside a valid process becomes an incident.
 */
export const step: Step = (definition, state, event, env) => {
  if (Number.isNaN(Date.parse(env.now))) throw new EngineUsageError(`env.now "${env.now}" is not an ISO 8601 instant`);
  const graph = indexGraph(definition);
  if (event.type === "started") {
    if (state !== undefined) throw new EngineUsageError(`"started" sent to an instance that has already started`);
    const run = new Run(definition, graph, env, initialState(event.startedBy));
    startElement.begin(graph.start(), event, run);
    runTokens(run);
    return finish(run);
  }
  const run = new Run(definition, graph, env, load(state, event));
  switch (event.type) {
    case "taskCompleted":
      completeTask(run, event);
      break;
    case "incidentRetried":
      retryIncident(run, event);
      break;
    case "timerFired":
      fireTimer(run, event);
      break;
    case "serviceAnswered":
    case "serviceFailed":
      serviceCallElement.receive(event, run);
      runTokens(run);
      break;
    case "incidentSkipped":
      skipIncident(run, event);
      runTokens(run);
      break;
    case "childCompleted":
      callActivityElement.complete(event, run);
      runTokens(run);
      break;
    case "childFailed":
      callActivityElement.fail(event, run);
      runTokens(run);
      break;
    case "messageReceived":
      receiveMessage(run, event);
      runTokens(run);
      break;
    default: {
      const unknown: never = event;
      throw new EngineUsageError(`unknown event type "${(unknown as { type: string }).type}"`);
    }
  }
  return finish(run);
};

/** A working copy of a stored state, refused if it cannot take the event. */
function load(state: InstanceState | undefined, event: EngineEvent): InstanceState {
  if (state === undefined) throw new EngineUsageError(`"${event.type}" needs the instance's state; send "started" first`);
  if (state.stateVersion !== STATE_VERSION) {
    throw new EngineUsageError(`state version ${String(state.stateVersion)} is not supported (this engine reads ${STATE_VERSION})`);
  }
  if (state.status === "completed") throw new EngineUsageError(`the instance is completed and accepts no "${event.type}" event`);
  return structuredClone(state);
}

function completeTask(run: Run, event: Extract<EngineEvent, { type: "taskCompleted" }>): void {
  const { tokens, incidents } = run.state;
  const token = tokens.find((t) => t.id === event.tokenId);
  if (!token) {
    const waiting = tokens.map((t) => `"${t.id}" at "${t.stepId}"`).join(", ") || "none";
    throw new EngineUsageError(`taskCompleted: no token "${event.tokenId}" is waiting in this instance (waiting: ${waiting})`);
  }
  const taskStep = run.graph.step(token.stepId);
  const isVote = taskStep.kind === "approval" && token.parentId !== undefined;
  if (taskStep.kind !== "userTask" && !isVote) {
    throw new EngineUsageError(`taskCompleted: token "${token.id}" waits at ${taskStep.kind} "${taskStep.id}", not at a user task`);
  }
  const incident = incidents.find((i) => i.tokenId === token.id);
  if (incident) {
    throw new EngineUsageError(
      `taskCompleted: token "${token.id}" has no open task; it is stuck under incident "${incident.id}" (${incident.code}), retry that instead`,
    );
  }
  tokens.splice(tokens.indexOf(token), 1);
  if (taskStep.kind === "approval") approvalElement.vote(token, taskStep, event, run);
  else if (taskStep.kind === "userTask") userTaskElement.complete(token, taskStep, event, run);
  runTokens(run);
}

function fireTimer(run: Run, event: Extract<EngineEvent, { type: "timerFired" }>): void {
  const timers = run.state.timers ?? [];
  const timer = timers.find((t) => t.id === event.timerId);
  if (!timer) {
    throw new EngineUsageError(`timerFired: no timer "${event.timerId}" is waiting in this instance (it fired already or its task was completed)`);
  }
  timers.splice(timers.indexOf(timer), 1);
  const token = run.state.tokens.find((t) => t.id === timer.tokenId);
  if (!token) throw new EngineUsageError(`timerFired: timer "${timer.id}" belongs to token "${timer.tokenId}", which no longer waits`);
  const at = run.graph.step(timer.stepId);
  if (timer.purpose.type === "escalation") {
    if (at.kind !== "userTask" && at.kind !== "approval") throw new EngineUsageError(`timerFired: escalation timer "${timer.id}" at ${at.kind} "${at.id}"`);
    escalate({ ...timer, purpose: timer.purpose }, at.escalations, run);
    return;
  }
  if (timer.purpose.type === "boundary") {
    if (at.kind !== "boundaryEvent") throw new EngineUsageError(`timerFired: boundary timer "${timer.id}" at ${at.kind} "${at.id}", not at a boundary event`);
    fireBoundaryTimer({ ...timer, purpose: timer.purpose }, token, at, run);
    runTokens(run);
    return;
  }
  if (timer.purpose.type === "event") {
    if (at.kind !== "timer") throw new EngineUsageError(`timerFired: event gateway timer "${timer.id}" at ${at.kind} "${at.id}", not at a timer step`);
    eventBasedGatewayElement.win(token, at, run);
    timerElement.fire(token, at, run);
    runTokens(run);
    return;
  }
  if (at.kind !== "timer") throw new EngineUsageError(`timerFired: wait timer "${timer.id}" at ${at.kind} "${at.id}", not at a timer step`);
  run.state.tokens.splice(run.state.tokens.indexOf(token), 1);
  timerElement.fire(token, at, run);
  runTokens(run);
}

/**
 * The subscription the message is for: the one of `name` (and `key`, and
 * `tokenId`, when given). At a message wait the token stands there; at an
 * event gateway the gateway's token wins with that message wait.
 */
function receiveMessage(run: Run, event: Extract<EngineEvent, { type: "messageReceived" }>): void {
  const messages = run.state.messages ?? [];
  const subscription = messages.find((m) => m.name === event.name && (event.key === undefined || m.key === event.key) && (event.tokenId === undefined || m.tokenId === event.tokenId));
  if (!subscription) {
    const waiting = messages.map((m) => `"${m.name}" with key "${m.key}"`).join(", ") || "none";
    throw new EngineUsageError(`messageReceived: nothing in this instance waits for the message "${event.name}"${event.key === undefined ? "" : ` with key "${event.key}"`} (waiting: ${waiting})`);
  }
  messages.splice(messages.indexOf(subscription), 1);
  const token = run.state.tokens.find((t) => t.id === subscription.tokenId);
  if (!token) throw new EngineUsageError(`messageReceived: the subscription for "${event.name}" belongs to token "${subscription.tokenId}", which no longer waits`);
  const catchStep = run.graph.step(subscription.stepId);
  if (catchStep.kind !== "messageCatch") throw new EngineUsageError(`messageReceived: subscription at ${catchStep.kind} "${catchStep.id}", not at a message wait`);
  if (token.stepId !== catchStep.id) eventBasedGatewayElement.win(token, catchStep, run);
  else run.unwait(token);
  messageCatchElement.receive(token, catchStep, event.payload, run);
}

function retryIncident(run: Run, event: Extract<EngineEvent, { type: "incidentRetried" }>): void {
  const { tokens } = run.state;
  const incident = takeIncident(run, event.incidentId, event.type);
  correctVariables(run, incident.stepId, event.variables);
  // An incident without a token is a note, not a stop (the runtime raises
  // such ones, e.g. a task created for an unknown user): retrying resolves it.
  const token = tokens.find((t) => t.id === incident.tokenId);
  if (!token) return;
  tokens.splice(tokens.indexOf(token), 1);
  run.moving.push(token);
  runTokens(run);
}

function finish(run: Run): StepResult {
  const { state } = run;
  dropTimersOfGoneTokens(run);
  dropSubscriptionsOfGoneTokens(run);
  if (state.tokens.length === 0) {
    state.status = "completed";
    run.emit({ type: "endInstance" });
  } else {
    state.status = state.incidents.length > 0 ? "incident" : "running";
  }
  return { state, commands: run.commands };
}

/**
 * A timer belongs to a waiting token; once the token has moved on (its task
 * completed, its call answered, its approval decided, its activity
 * cancelled) the timers it left are cancelled, whichever way it went.
 */
function dropTimersOfGoneTokens(run: Run): void {
  const waiting = new Set(run.state.tokens.map((t) => t.id));
  for (const timer of [...(run.state.timers ?? [])]) if (!waiting.has(timer.tokenId)) run.cancelTimersOf(timer.tokenId);
}

/** As timers: a message subscription whose token no longer waits is called off. */
function dropSubscriptionsOfGoneTokens(run: Run): void {
  const waiting = new Set(run.state.tokens.map((t) => t.id));
  for (const subscription of [...(run.state.messages ?? [])]) if (!waiting.has(subscription.tokenId)) run.stopWaitingOf(subscription.tokenId);
}
