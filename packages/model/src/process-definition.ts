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

/** Who does a user task. An expression is FEEL evaluated over the variables
 * and must yield a user name (or a list, of which the first is taken). */
export const assignmentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user"), user: z.string().min(1) }),
  z.object({ type: z.literal("group"), group: z.string().min(1) }),
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
  position: positionSchema,
};

export const startStepSchema = z.object({
  ...stepBase,
  kind: z.literal("start"),
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
  form: formDefinitionSchema,
  /** When absent, every field is copied to a variable of the same key. */
  outputs: z.array(outputMappingSchema).optional(),
});
export const exclusiveGatewayStepSchema = z.object({ ...stepBase, kind: z.literal("exclusiveGateway") });
export const parallelGatewayStepSchema = z.object({ ...stepBase, kind: z.literal("parallelGateway") });
export const endStepSchema = z.object({ ...stepBase, kind: z.literal("end") });

export const stepSchema = z.discriminatedUnion("kind", [
  startStepSchema,
  userTaskStepSchema,
  exclusiveGatewayStepSchema,
  parallelGatewayStepSchema,
  endStepSchema,
]);
export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step["kind"];
export type StartStep = z.infer<typeof startStepSchema>;
export type UserTaskStep = z.infer<typeof userTaskStepSchema>;

export const connectionSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  label: z.string().optional(),
  /** FEEL expression over the process variables, e.g. `outcome = "converted"`. */
  condition: z.string().optional(),
  /** Taken by an exclusive decision when no condition matches. */
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
});
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;
/** The shape before defaults are applied, e.g. a template file on disk. */
export type ProcessDefinitionInput = z.input<typeof processDefinitionSchema>;
