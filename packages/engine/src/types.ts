import type { ProcessDefinition } from "@baton/model";

/**
 * The engine's contract. `step(definition, state, event, env)` is pure:
 * clock and ids arrive in `env`, effects leave as `commands` for the runtime
 * to carry out in the same transaction that stores the new state.
 */
export const STATE_VERSION = 1 as const;

/** A token: a unit of "work is here". */
export type Token = {
  id: string;
  stepId: string;
  /** The connection the token arrived by (joins count arrivals by it). */
  via?: string;
  /**
   * The token this one belongs to: for a vote of an approval, the token of
   * the approval round; inside an embedded sub-process, the token waiting
   * at the sub-process step (one per time it runs). Absent at the top level.
   * Joins and "is the sub-process done" look only at tokens with the same
   * `parentId`; errors are caught, and cancelling reaches, along it.
   */
  parentId?: string;
};

/** One approver's vote, kept with the round and handed to the next steps. */
export type Vote = { by: string; decision: "approve" | "reject"; comment: string; at: string };

/**
 * An approval in progress, keyed in the state by the token waiting at the
 * approval step. `approvers` are the people asked (empty: whoever claims
 * the single task of a group); `open` the vote tokens whose tasks are open.
 */
export type ApprovalRound = {
  stepId: string;
  mode: "single" | "parallel" | "sequential";
  approvers: string[];
  votes: Vote[];
  open: string[];
};

export type Incident = {
  id: string;
  stepId: string;
  code: "decision.no-match" | "expression.error" | "assignment.error" | "loop.limit" | "step.unsupported" | "job.failed" | "service.failed" | "error.uncaught" | "call.failed";
  message: string;
  at: string;
  /** The token stuck at `stepId`; `incidentRetried` runs it again. Absent
   * on incidents that stop no token (e.g. ones the runtime adds). */
  tokenId?: string;
  /** For `error.uncaught`: the error nothing caught (a process that called this one may still catch it, `childFailed`). */
  error?: BusinessError;
};

/**
 * A business error thrown by an error end (or a service call's failure,
 * coded by its HTTP status), caught by a boundary error event
 * (throw-error.ts).
 */
export type BusinessError = { code: string; message: string };

/**
 * A timer the runtime keeps (as a job) until its time comes, then sends
 * back as `timerFired`. It belongs to a waiting token: the one at a timer
 * step, a task's token for the task's escalation levels, or an activity's
 * token for a boundary timer on it (`fired`: how often it went off before,
 * for a cycle). A timer whose token no longer waits is cancelled.
 */
export type Timer = {
  id: string;
  stepId: string;
  tokenId: string;
  /** ISO 8601 instant. */
  dueAt: string;
  /** `event`: a timer step after an event gateway, armed for the gateway's token (`stepId` is the timer step). */
  purpose: { type: "wait" } | { type: "escalation"; level: number } | { type: "boundary"; boundaryId: string; fired: number } | { type: "event" };
};

/**
 * A token waiting for a message: at a message wait (`stepId`), or at an
 * event gateway for the message wait `stepId` after it. `key` is the
 * correlation key worked out when the token arrived, as text.
 */
export type MessageSubscription = { tokenId: string; stepId: string; name: string; key: string };

/** Where a task goes or an alert is sent: a user name or a group key. */
export type Recipient = { assignee: string | null; candidateGroup: string | null };

export type InstanceState = {
  stateVersion: typeof STATE_VERSION;
  status: "running" | "completed" | "incident";
  startedBy: string;
  variables: Record<string, unknown>;
  /** Tokens waiting: at a user task (for its task), a join, or an incident. */
  tokens: Token[];
  incidents: Incident[];
  /** Timers waiting to fire (absent in states stored before timers existed). */
  timers?: Timer[];
  /** Messages tokens wait for (absent in states stored before messages existed). */
  messages?: MessageSubscription[];
  /** Approvals in progress, by the token waiting at the approval step. */
  approvals?: Record<string, ApprovalRound>;
  /** Everyone who has voted in an approval of this instance (the four-eyes rule reads it). */
  approvedBy?: string[];
};

export type EngineEvent =
  /**
   * `data` is the start form's data (mapped by the start's outputs);
   * `variables`, given when another process calls this one, are the first
   * variables as they are, and the start form is skipped.
   */
  | { type: "started"; data: Record<string, unknown>; startedBy: string; variables?: Record<string, unknown> }
  /** The process a call activity started (`startChild`) has completed; its final variables, for the outputs. */
  | { type: "childCompleted"; tokenId: string; variables: Record<string, unknown> }
  /**
   * The process a call activity started threw a business error nothing in
   * it caught (its `error.uncaught` incident): a boundary error event on
   * the call activity, or on a sub-process around it, catches it as if the
   * call activity had thrown it (and the called process is cancelled with
   * `cancelChild`). Caught by none, nothing changes here: the called
   * instance keeps its incident and this one waits for it.
   */
  | { type: "childFailed"; tokenId: string; error: BusinessError }
  | { type: "taskCompleted"; tokenId: string; data: Record<string, unknown>; completedBy: string }
  /**
   * An admin retries an open incident: its token runs its step again (a
   * decision is re-evaluated, a task is created again). `variables`, when
   * given, are merged into the variables (top-level keys) first, so the data
   * that caused the incident can be corrected. An incident without a
   * `tokenId` (one the runtime added) is simply resolved.
   */
  | { type: "incidentRetried"; incidentId: string; variables?: Record<string, unknown>; retriedBy?: string }
  /** A timer's time has come (the runtime's job worker sends it once). */
  | { type: "timerFired"; timerId: string }
  /** The other system answered a `callService` with a 2xx: the step's outputs map `response`. */
  | { type: "serviceAnswered"; tokenId: string; response: ServiceResponse }
  /**
   * A `callService` gave up (its last retry failed, or the answer can never
   * be right): an incident, unless a boundary error event catches it (its
   * error code is the HTTP `status` when the service answered, else
   * `service-failed`).
   */
  | { type: "serviceFailed"; tokenId: string; error: string; status?: number }
  /**
   * An admin moves a token stuck under an incident at a service call on
   * without calling; `variables`, when given, are merged first (the values
   * the answer would have brought).
   */
  | { type: "incidentSkipped"; incidentId: string; variables?: Record<string, unknown>; skippedBy?: string }
  /**
   * A message arrived for a token that waits for it (`waitForMessage`): the
   * one waiting for `name` (with `key` and/or as `tokenId`, when given).
   * The message wait's outputs map `payload` into the variables and the
   * token moves on; after an event gateway, everything else the gateway
   * armed is called off.
   */
  | { type: "messageReceived"; name: string; key?: string; tokenId?: string; payload: Record<string, unknown> };

/** An HTTP request as a service call step built it (`{{variable}}` filled in, the body as JSON). */
export type ServiceRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: { name: string; value: string }[];
  /** Absent: no body. */
  body?: unknown;
};

/** What the service answered; `body` is parsed JSON, or the text when it is not JSON, or null when empty. */
export type ServiceResponse = { status: number; body: unknown };

export type EngineCommand =
  | {
      type: "createTask";
      tokenId: string;
      stepId: string;
      name: string;
      /** Resolved user name for user and expression assignment. */
      assignee: string | null;
      /** Group key for group assignment (candidates claim). */
      candidateGroup: string | null;
      /**
       * Absent: the task waits in `candidateGroup`'s queue. Otherwise the
       * runtime hands it to one active member (in turn, or the least busy);
       * the task keeps its group so it can go back to the queue.
       */
      strategy?: "roundRobin" | "leastLoaded";
      dueAt: string | null;
    }
  | { type: "decisionTaken"; stepId: string; connectionId: string; reason: string }
  /** `changes` holds each changed top-level variable with its whole new
   * value (a nested `to` such as `order.total` reports `order`), so a shallow
   * merge into the stored variables gives the engine's variables. */
  | { type: "variablesChanged"; stepId: string; changes: Record<string, unknown> }
  | { type: "raiseIncident"; incident: Incident }
  /** Keep the timer and send `timerFired` at `timer.dueAt`. */
  | { type: "scheduleTimer"; timer: Timer }
  /** The timer is no longer wanted (its task was completed first). */
  | { type: "cancelTimer"; timerId: string }
  /** The open task of this token is no longer needed (an approval was decided without its vote). */
  | { type: "cancelTask"; tokenId: string; stepId: string; reason: string }
  /**
   * A task is still open past its due date: escalation `level` (1-based)
   * of its step. `remind` alerts whoever has the task now (the runtime
   * knows, the engine does not); `notify` alerts `to`; `reassign` moves the
   * task to `to`. `message` is the analyst's text, if any, with
   * `{{variable}}` filled in.
   */
  | {
      type: "escalateTask";
      tokenId: string;
      stepId: string;
      level: number;
      action: "remind" | "notify" | "reassign";
      to: Recipient | null;
      message: string | null;
    }
  /**
   * An alert (in-app, and by e-mail where configured) to users and the
   * members of groups, and by e-mail only to `emails` (people outside
   * Baton; absent: none).
   */
  | { type: "notify"; stepId: string; users: string[]; groups: string[]; emails?: string[]; subject: string; message: string }
  /**
   * Call another system and send back `serviceAnswered` or, after
   * `retries` more attempts, `serviceFailed`. Every attempt carries
   * `idempotencyKey` (the same for one token at one step, also when an
   * admin retries), so the other system can tell a repeat from a new call.
   */
  | {
      type: "callService";
      tokenId: string;
      stepId: string;
      request: ServiceRequest;
      idempotencyKey: string;
      timeoutMs: number;
      retries: number;
    }
  /**
   * A boundary event went off on the activity whose token is `tokenId`:
   * a timer, or an error it caught (`error`). Interrupting: the activity
   * was cancelled (its tasks by `cancelTask`, its timers by `cancelTimer`).
   */
  | { type: "boundaryTriggered"; stepId: string; name: string; attachedTo: string; tokenId: string; interrupting: boolean; error?: BusinessError }
  /**
   * Start the latest published version of `processKey` with `variables`,
   * started by this instance's starter; when it completes, send back
   * `childCompleted` with the token's id. If it cannot be started (not
   * published, calls nested too deep), the runtime stops the token under a
   * `call.failed` incident, whose retry asks again.
   */
  | { type: "startChild"; tokenId: string; stepId: string; processKey: string; variables: Record<string, unknown> }
  /** The process started for this token is no longer wanted (its call activity was interrupted): end it and all it runs. */
  | { type: "cancelChild"; tokenId: string; stepId: string; reason: string }
  /** Keep the subscription until a message `name` with `key` comes, then send `messageReceived`. */
  | ({ type: "waitForMessage" } & MessageSubscription)
  /** The token no longer waits for that message (another event won, or its activity was cancelled). */
  | ({ type: "stopWaiting" } & MessageSubscription)
  | { type: "endInstance" };

export type EngineEnv = {
  /** ISO 8601 instant: the time of the event. */
  now: string;
  newId: () => string;
  /**
   * The user names in a group, as the directory has them now (the runtime
   * looks them up before the step): an approval by a group's members asks
   * each of them. Absent: such an approval stops under an incident.
   */
  groupMembers?: (groupKey: string) => readonly string[];
};

export type StepResult = { state: InstanceState; commands: EngineCommand[] };

export type Step = (
  definition: ProcessDefinition,
  state: InstanceState | undefined,
  event: EngineEvent,
  env: EngineEnv,
) => StepResult;
