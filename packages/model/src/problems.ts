/** One problem `validate` found, pointing at what is wrong. */
export type Problem = {
  code: ProblemCode;
  message: string;
  severity: "error" | "warning";
  stepId?: string;
  connectionId?: string;
  /** Field id inside the step's form, when the problem is in a field. */
  fieldId?: string;
  /** Path into the definition (e.g. ["steps", 3, "assignment"]). */
  path?: (string | number)[];
  /** 0-based character offset into the expression, for `expression.syntax`. */
  offset?: number;
};

export const problemCodes = [
  "schema.invalid",
  "step.duplicate-id",
  "connection.duplicate-id",
  "connection.unknown-source",
  "connection.unknown-target",
  "connection.into-start",
  "connection.out-of-end",
  "connection.self-loop",
  "process.no-start",
  "process.several-starts",
  "process.no-end",
  "step.unreachable",
  "step.dead-end",
  "step.no-incoming",
  "step.no-outgoing",
  "task.several-outgoing",
  "decision.no-default",
  "decision.several-defaults",
  "decision.missing-condition",
  "decision.single-outgoing",
  "decision.default-with-condition",
  "connection.default-outside-decision",
  "connection.condition-outside-decision",
  "expression.syntax",
  "parallel.mismatched",
  "form.duplicate-key",
  "form.duplicate-field-id",
  "form.select-no-options",
  "form.duplicate-option",
  "form.min-above-max",
  "mapping.unknown-field",
  "assignment.empty",
  "assignment.strategy-misplaced",
  "due.invalid-duration",
  "form.reserved-key",
  "process.unknown-time-zone",
  "form.rule-unknown-name",
  "form.unknown-variable",
  "form.invalid-pattern",
  "form.table-no-columns",
  "form.table-bad-total",
  "form.unknown-currency",
  "escalation.without-due",
  "escalation.no-recipient",
  "service.invalid-url",
  "service.body-on-get",
  "variable.type-conflict",
  "decision.unknown-variable",
  "boundary.unknown-host",
  "boundary.invalid-host",
  "boundary.incoming",
  "boundary.several-outgoing",
  "boundary.error-not-interrupting",
  "boundary.cycle-interrupting",
  "boundary.invalid-cycle",
  "boundary.duplicate-error",
  "boundary.error-never-thrown",
  "error.blank-code",
  "sub-process.no-start",
  "sub-process.no-end",
  "sub-process.start-with-form",
  "step.unknown-parent",
  "step.inside-itself",
  "connection.crosses-border",
  "call.unknown-process",
  "message.missing-name",
  "message.missing-key",
  "message.unknown-variable",
  "event-gateway.invalid-target",
  "event-gateway.too-few-outgoing",
  "event-gateway.duplicate-message",
  "start-trigger.missing-message",
  "start-trigger.invalid-cycle",
  "start-trigger.invalid-date",
  "start-trigger.inside-sub-process",
] as const;
export type ProblemCode = (typeof problemCodes)[number];
