import { z } from "zod";
import { formDefinitionSchema } from "./form-definition.ts";

/**
 * The process definition: what the studio edits, what `validate` checks and
 * what publishing seals into a package. Plain JSON, versioned by
 * `schemaVersion` so stored drafts can be upgraded when the shape changes.
 */
export const PROCESS_SCHEMA_VERSION = 1 as const;

export const processKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,62}$/, "use lower-case letters, digits and -, starting with a letter");

export const positionSchema = z.object({ x: z.number(), y: z.number() });

/**
 * How a group's task is handed out: `claim` (it waits in the group's queue
 * until a member takes it; the default), `roundRobin` (the active members in
 * turn, per process step, across instances) or `leastLoaded` (the active
 * member with the fewest open tasks). The task keeps its group either way, so
 * it can be given back to the queue. Only a user task's own assignment
 * hands out; elsewhere (approvers, recipients, escalations) it is refused.
 */
export const groupStrategySchema = z.enum(["claim", "roundRobin", "leastLoaded"]);
export type GroupStrategy = z.infer<typeof groupStrategySchema>;

/** Who does a user task. An expression is FEEL evaluated over the variables
 * and must yield a user name (or a list, of which the first is taken). */
export const assignmentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user"), user: z.string().min(1) }),
  z.object({ type: z.literal("group"), group: z.string().min(1), strategy: groupStrategySchema.optional() }),
  z.object({ type: z.literal("expression"), expression: z.string().min(1) }),
]);
export type Assignment = z.infer<typeof assignmentSchema>;

/**
 * When a task is due, counted from its creation:
 * - `endOfDay`: end of the same day (plus `days`), in the package's time zone;
 * - `duration`: an ISO 8601 duration such as `PT4H` or `P2D`;
 * - `expression`: FEEL yielding a date, date-time or duration.
 */
export const dueRuleSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("endOfDay"), days: z.number().int().nonnegative().default(0) }),
  z.object({ type: z.literal("duration"), duration: z.string().min(1) }),
  z.object({ type: z.literal("expression"), expression: z.string().min(1) }),
]);
export type DueRule = z.infer<typeof dueRuleSchema>;

/**
 * One level of escalation for a task still open after its due date; each
 * level happens once, `after` (ISO 8601 duration; `PT0S` = at the due
 * date) past the due date:
 * - `remind`: a reminder to whoever has the task;
 * - `notify`: an alert to `to` (e.g. the dispatcher, or the group's manager);
 * - `reassign`: the task moves to `to`.
 * `message` is the text of the reminder or alert.
 */
export const escalationLevelSchema = z.object({
  after: z.string().min(1),
  action: z.enum(["remind", "notify", "reassign"]),
  to: assignmentSchema.optional(),
  message: z.string().optional(),
});
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

/** Copies a value into a process variable when the task completes.
 * `from` is a FEEL expression over the submitted form data (e.g. `outcome`
 * or `order.amount`); `to` is a variable name (dots nest). */
export const outputMappingSchema = z.object({
  from: z.string().min(1),
  to: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, "a variable name such as customer or order.total"),
});
export type OutputMapping = z.infer<typeof outputMappingSchema>;

const stepBase = {
  id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "letters, digits, _, - and ."),
  name: z.string().default(""),
  description: z.string().optional(),
  /** Relative to the enclosing sub-process's top-left corner when `parent` is set. */
  position: positionSchema,
  /**
   * The `subProcess` step this step lies inside; absent at the top level.
   * Steps stay one flat list (a sub-process's inside is the steps naming it
   * here), so ids are unique across the whole process, validation and the
   * studio's canvas (React Flow parent nodes) walk one list, and BPMN nests
   * them as the sub-process's flowElements. A connection joins two steps
   * with the same parent: nothing crosses a sub-process's border.
   */
  parent: z.string().min(1).optional(),
};

/**
 * What else starts the process, besides a person or the API (the start
 * form is then skipped and `outputs` map the message's data, or nothing):
 * - `message`: a message of that name correlated to no waiting instance
 *   starts a new one with the message's data;
 * - `timer`: the recurring process. `cycle` is an ISO 8601 repetition,
 *   `R/PT1H` (every hour, from publishing), `R5/P1D` (five times, a day
 *   apart) or with a first time, `R/2025-01-06T08:00:00Z/P7D`; `date` an
 *   ISO 8601 date-time at which it starts once.
 * Only the latest published version's trigger is active.
 */
export const startTriggerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), message: z.string() }),
  z.object({
    type: z.literal("timer"),
    timer: z.discriminatedUnion("type", [z.object({ type: z.literal("cycle"), cycle: z.string() }), z.object({ type: z.literal("date"), date: z.string() })]),
  }),
]);
export type StartTrigger = z.infer<typeof startTriggerSchema>;

export const startStepSchema = z.object({
  ...stepBase,
  kind: z.literal("start"),
  /** A message or timer that starts the process too (top-level start only). */
  trigger: startTriggerSchema.optional(),
  /** The start form; its data becomes the first variables (see outputs). */
  form: formDefinitionSchema.optional(),
  /** When absent, every field is copied to a variable of the same key. */
  outputs: z.array(outputMappingSchema).optional(),
  /** Group keys whose members may start the process; empty = every user. */
  starters: z.array(z.string()).default([]),
});
export const userTaskStepSchema = z.object({
  ...stepBase,
  kind: z.literal("userTask"),
  assignment: assignmentSchema,
  due: dueRuleSchema.optional(),
  /** What happens when the task is still open past its due date, level by level. */
  escalations: z.array(escalationLevelSchema).optional(),
  form: formDefinitionSchema,
  /** When absent, every field is copied to a variable of the same key. */
  outputs: z.array(outputMappingSchema).optional(),
});
/** How several approvers' votes decide (approval steps with several approvers). */
export const completionRuleSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("all") }),
  z.object({ type: z.literal("any") }),
  z.object({ type: z.literal("majority") }),
  z.object({ type: z.literal("count"), count: z.number().int().positive() }),
  z.object({ type: z.literal("percentage"), percent: z.number().min(1).max(100) }),
  z.object({ type: z.literal("expression"), expression: z.string().min(1) }),
]);
export type CompletionRule = z.infer<typeof completionRuleSchema>;

/**
 * An approval: one approver (assignment), or several (a group, or an
 * expression yielding a list) voting in parallel or in turn. Each approver
 * approves or rejects with a comment; the outcome lands in `resultVariable`.
 */
export const approvalStepSchema = z.object({
  ...stepBase,
  kind: z.literal("approval"),
  approvers: assignmentSchema,
  several: z
    .object({ mode: z.enum(["parallel", "sequential"]), rule: completionRuleSchema })
    .optional(),
  /** An approver may not be the starter or an earlier approver. */
  fourEyes: z.boolean().default(true),
  due: dueRuleSchema.optional(),
  escalations: z.array(escalationLevelSchema).optional(),
  /** Extra fields shown above the approve/reject decision. */
  form: formDefinitionSchema.optional(),
  resultVariable: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).default("approval"),
});

const durationTimerSchema = z.object({ type: z.literal("duration"), duration: z.string().min(1) });
const dateTimerSchema = z.object({ type: z.literal("date"), expression: z.string().min(1) });

/** Waits for a duration, or until a date (FEEL, e.g. the call-back date entered earlier). */
export const timerStepSchema = z.object({
  ...stepBase,
  kind: z.literal("timer"),
  timer: z.discriminatedUnion("type", [durationTimerSchema, dateTimerSchema]),
});

/** Alerts a user or a group (in-app, and by e-mail when configured). */
export const notifyStepSchema = z.object({
  ...stepBase,
  kind: z.literal("notify"),
  recipients: assignmentSchema,
  subject: z.string().min(1),
  /** Plain text; `{{variable}}` is replaced by the variable's value. */
  message: z.string().default(""),
  /**
   * People outside Baton who get it by e-mail too (e.g. the applicant):
   * FEEL yielding an address or a list of them, such as `email`. Sent only
   * where e-mail is configured; an empty value sends nothing.
   */
  emailTo: z.string().optional(),
});

export const httpHeaderSchema = z.object({ name: z.string().min(1), value: z.string() });

/** Calls another system over HTTP; the response is mapped into variables. */
export const serviceCallStepSchema = z.object({
  ...stepBase,
  kind: z.literal("serviceCall"),
  request: z.object({
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
    /** `{{variable}}` is replaced by the variable's value, percent-encoded; `{{secrets.NAME}}` by the server's secret, at the call. */
    url: z.string().min(1),
    /** Header values may hold `{{variable}}` (its value as text) and `{{secrets.NAME}}`. */
    headers: z.array(httpHeaderSchema).default([]),
    /** FEEL building the JSON body from the variables. */
    body: z.string().optional(),
  }),
  /** `from` is FEEL over `response` ({ status, body }). */
  outputs: z.array(outputMappingSchema).default([]),
  /** Attempts after the first when the service cannot be reached, times out, or answers 408, 425, 429 or 5xx. */
  retries: z.number().int().min(0).max(20).default(3),
  timeoutSeconds: z.number().int().positive().max(300).default(30),
});

/**
 * Starts the latest published version of another process (its start form
 * is skipped: the called process starts with exactly the `inputs`), and
 * waits for it to finish; then `outputs` copy its results back. Nothing
 * passes either way without a mapping. The called instance is started by
 * whoever started this one.
 */
export const callActivityStepSchema = z.object({
  ...stepBase,
  kind: z.literal("callActivity"),
  processKey: processKeySchema,
  /** `from` is FEEL over this process's variables; `to` a variable of the called one. */
  inputs: z.array(outputMappingSchema).default([]),
  /** `from` is FEEL over the called process's variables at its end; `to` a variable of this one. */
  outputs: z.array(outputMappingSchema).default([]),
});

/**
 * An embedded sub-process: the steps whose `parent` is this step's id run
 * in a scope of their own, from their one plain start; the sub-process is
 * done when nothing is left running inside, and then leaves by its own
 * outgoing connections. `size` is the expanded container's box on the canvas.
 */
export const subProcessStepSchema = z.object({
  ...stepBase,
  kind: z.literal("subProcess"),
  size: z.object({ width: z.number().positive(), height: z.number().positive() }).optional(),
});

/**
 * Waits for a message (an intermediate message catch event): on arrival the
 * correlation `key` (FEEL, e.g. `orderId`) is worked out once; a message of
 * `name` sent with that key moves the token on. `outputs` map the message's
 * data (`from` is FEEL over it) into variables; absent, every key is copied.
 */
export const messageCatchStepSchema = z.object({
  ...stepBase,
  kind: z.literal("messageCatch"),
  message: z.object({ name: z.string(), correlationKey: z.string() }),
  outputs: z.array(outputMappingSchema).optional(),
});
export type MessageCatchStep = z.infer<typeof messageCatchStepSchema>;

/**
 * An event-based gateway: its outgoing connections lead to message waits
 * and timer steps, all armed at once; the first to happen wins, the token
 * goes on after it, and the others are called off.
 */
export const eventBasedGatewayStepSchema = z.object({ ...stepBase, kind: z.literal("eventBasedGateway") });

export const exclusiveGatewayStepSchema = z.object({ ...stepBase, kind: z.literal("exclusiveGateway") });
export const parallelGatewayStepSchema = z.object({ ...stepBase, kind: z.literal("parallelGateway") });
/** Splits along every connection whose condition holds (the default only when none does); as a join, waits only for the branches that were taken. */
export const inclusiveGatewayStepSchema = z.object({ ...stepBase, kind: z.literal("inclusiveGateway") });
/**
 * An end. With `error` it is an error end: the path ends by throwing a
 * business error (e.g. `personal-file-not-found`), which a boundary error
 * event on an enclosing activity catches; an error nobody catches stops
 * the instance under an incident naming the code. `message` may hold
 * `{{variable}}`.
 */
export const endStepSchema = z.object({
  ...stepBase,
  kind: z.literal("end"),
  error: z.object({ code: z.string().min(1), message: z.string().default("") }).optional(),
});

/**
 * What sets a boundary event off:
 * - `timer`: a duration after the activity began, a date (FEEL), or a
 *   cycle (`R3/PT1H`: every hour, three times; `R/P1D`: every day while
 *   the activity lasts) — cycles repeat only on a non-interrupting event;
 * - `error`: a business error thrown inside the activity (an error end in
 *   it, or a service call's failure) with `errorCode`, or any error when
 *   there is none. `errorVariable`, when given, receives `{ code, message }`.
 */
export const boundaryTriggerSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("timer"),
    timer: z.discriminatedUnion("type", [durationTimerSchema, dateTimerSchema, z.object({ type: z.literal("cycle"), cycle: z.string().min(1) })]),
  }),
  z.object({
    type: z.literal("error"),
    errorCode: z.string().optional(),
    errorVariable: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "a variable name such as error").optional(),
  }),
]);
export type BoundaryTrigger = z.infer<typeof boundaryTriggerSchema>;

/**
 * An event on the border of an activity (`attachedTo`): when it is set off
 * while the activity is under way, a token leaves by the event's one
 * outgoing connection. Interrupting (the default, and always for errors):
 * the activity is cancelled first — its open tasks, timers and votes.
 * Non-interrupting: the activity goes on as well.
 */
export const boundaryEventStepSchema = z.object({
  ...stepBase,
  kind: z.literal("boundaryEvent"),
  attachedTo: z.string().min(1),
  trigger: boundaryTriggerSchema,
  interrupting: z.boolean().default(true),
});

export const stepSchema = z.discriminatedUnion("kind", [
  startStepSchema,
  userTaskStepSchema,
  exclusiveGatewayStepSchema,
  parallelGatewayStepSchema,
  inclusiveGatewayStepSchema,
  endStepSchema,
  approvalStepSchema,
  timerStepSchema,
  notifyStepSchema,
  serviceCallStepSchema,
  callActivityStepSchema,
  boundaryEventStepSchema,
  subProcessStepSchema,
  messageCatchStepSchema,
  eventBasedGatewayStepSchema,
]);
export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step["kind"];
export type StartStep = z.infer<typeof startStepSchema>;
export type UserTaskStep = z.infer<typeof userTaskStepSchema>;
export type ApprovalStep = z.infer<typeof approvalStepSchema>;
export type TimerStep = z.infer<typeof timerStepSchema>;
export type NotifyStep = z.infer<typeof notifyStepSchema>;
export type ServiceCallStep = z.infer<typeof serviceCallStepSchema>;
export type CallActivityStep = z.infer<typeof callActivityStepSchema>;
export type EndStep = z.infer<typeof endStepSchema>;
export type BoundaryEventStep = z.infer<typeof boundaryEventStepSchema>;

/** Kinds of step a boundary event can sit on: activities that wait while under way. */
export const BOUNDARY_HOST_KINDS: readonly StepKind[] = ["userTask", "approval", "serviceCall", "subProcess", "callActivity"];
export type SubProcessStep = z.infer<typeof subProcessStepSchema>;

export const connectionSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  label: z.string().optional(),
  /** FEEL expression over the process variables, e.g. `outcome = "converted"`. */
  condition: z.string().optional(),
  /** Taken by an exclusive or inclusive gateway when no condition matches. */
  isDefault: z.boolean().optional(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const processDefinitionSchema = z.object({
  schemaVersion: z.literal(PROCESS_SCHEMA_VERSION),
  key: processKeySchema,
  name: z.string().min(1),
  description: z.string().optional(),
  /** IANA time zone used for calendar due rules. */
  timeZone: z.string().default("UTC"),
  steps: z.array(stepSchema),
  connections: z.array(connectionSchema),
  /** Reusable process blocks this process was assembled from, with the version used. */
  usedBlocks: z.array(z.object({ key: z.string().min(1), version: z.number().int().positive() })).default([]),
});
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;
/** The shape before defaults are applied, e.g. a template file on disk. */
export type ProcessDefinitionInput = z.input<typeof processDefinitionSchema>;
