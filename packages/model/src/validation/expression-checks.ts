import { checkFeelExpression } from "../feel-syntax.ts";
import type { Step } from "../process-definition.ts";
import type { Problem } from "../problems.ts";
import { type CheckContext, conditionOf, connectionPath, stepPath } from "./context.ts";
import { describeConnection, describeStep, lowerFirst } from "./describe.ts";
import { isHttpUrl } from "./http-url.ts";
import { isIsoDuration } from "./iso-duration.ts";

/**
 * Every piece of FEEL in the definition must parse, so that a published
 * process never fails on a typo at runtime; plus the other free-text rules
 * of a task (assignee not blank, due duration in ISO 8601) and a service
 * call's address.
 */
export function checkExpressions(ctx: CheckContext): void {
  for (const c of ctx.definition.connections) {
    const condition = conditionOf(c);
    if (condition === undefined) continue;
    checkFeel(ctx, c.condition ?? "", `The condition of ${lowerFirst(describeConnection(ctx, c))}`, {
      connectionId: c.id,
      path: connectionPath(ctx, c, "condition"),
    });
  }
  for (const step of ctx.definition.steps) {
    if (step.kind === "userTask") checkAssignment(ctx, step, step.assignment, "assignment", step.due);
    if (step.kind === "approval") checkAssignment(ctx, step, step.approvers, "approvers", step.due);
    if (step.kind === "notify") checkAssignment(ctx, step, step.recipients, "recipients", undefined);
    if (step.kind === "notify" && step.emailTo?.trim()) {
      checkFeel(ctx, step.emailTo, `The e-mail addresses of ${describeStep(step)}`, { stepId: step.id, path: stepPath(ctx, step, "emailTo") });
    }
    if (step.kind === "start" || step.kind === "userTask" || step.kind === "serviceCall" || step.kind === "callActivity" || step.kind === "messageCatch") {
      checkMappings(ctx, step, "outputs", step.outputs);
    }
    if (step.kind === "callActivity") checkMappings(ctx, step, "inputs", step.inputs);
    if (step.kind === "approval" && step.several?.rule.type === "expression") {
      checkFeel(ctx, step.several.rule.expression, `The completion rule of ${describeStep(step)}`, {
        stepId: step.id,
        path: stepPath(ctx, step, "several", "rule", "expression"),
      });
    }
    if (step.kind === "serviceCall" && !isHttpUrl(step.request.url)) {
      ctx.report({
        stepId: step.id,
        code: "service.invalid-url",
        severity: "error",
        message: `${describeStep(step)} calls "${step.request.url}", which is not a complete web address; write it in full, e.g. https://crm.example.com/api/leads, or start it with a server setting, {{secrets.NAME}}.`,
        path: stepPath(ctx, step, "request", "url"),
      });
    }
    if (step.kind === "serviceCall" && step.request.body?.trim() && step.request.method === "GET") {
      ctx.report({
        stepId: step.id,
        code: "service.body-on-get",
        severity: "error",
        message: `${describeStep(step)} sends a body with GET, which HTTP does not carry; choose POST (or PUT, PATCH), or remove the body.`,
        path: stepPath(ctx, step, "request", "body"),
      });
    }
    if (step.kind === "serviceCall" && step.request.body?.trim()) {
      checkFeel(ctx, step.request.body, `The request body of ${describeStep(step)}`, {
        stepId: step.id,
        path: stepPath(ctx, step, "request", "body"),
      });
    }
    if (step.kind === "timer") checkTimer(ctx, step);
  }
}

function checkTimer(ctx: CheckContext, step: Extract<Step, { kind: "timer" }>): void {
  const { timer } = step;
  if (timer.type === "date") {
    checkFeel(ctx, timer.expression, `The date ${describeStep(step)} waits for`, { stepId: step.id, path: stepPath(ctx, step, "timer", "expression") });
  } else if (!isIsoDuration(timer.duration.trim())) {
    ctx.report({
      stepId: step.id,
      code: "due.invalid-duration",
      severity: "error",
      message: `The duration "${timer.duration}" of ${describeStep(step)} is not an ISO 8601 duration; write for example PT4H (4 hours) or P2D (2 days).`,
      path: stepPath(ctx, step, "timer", "duration"),
    });
  }
}

type Assignment = Extract<Step, { kind: "userTask" }>["assignment"];
type DueRule = Extract<Step, { kind: "userTask" }>["due"];

function checkAssignment(ctx: CheckContext, step: Step, assignment: Assignment, field: string, due: DueRule): void {
  const name = describeStep(step);
  const at = { stepId: step.id };
  if (assigneeOf(assignment).trim() === "") {
    ctx.report({
      ...at,
      code: "assignment.empty",
      severity: "error",
      message: `${name} is not assigned to anyone: its ${assignment.type} is blank.`,
      path: stepPath(ctx, step, field, assignment.type),
    });
  } else if (assignment.type === "expression") {
    checkFeel(ctx, assignment.expression, `The assignee expression of ${name}`, {
      ...at,
      path: stepPath(ctx, step, field, "expression"),
    });
  }
  if (due?.type === "expression") {
    checkFeel(ctx, due.expression, `The due date expression of ${name}`, {
      ...at,
      path: stepPath(ctx, step, "due", "expression"),
    });
  }
  if (due?.type === "duration" && !isIsoDuration(due.duration.trim())) {
    ctx.report({
      ...at,
      code: "due.invalid-duration",
      severity: "error",
      message: `The due duration "${due.duration}" of ${name} is not an ISO 8601 duration; write for example PT4H (4 hours), P2D (2 days) or P1DT2H (1 day and 2 hours).`,
      path: stepPath(ctx, step, "due", "duration"),
    });
  }
}

/** The user name, group key or expression an assignment names, whichever kind it is. */
export function assigneeOf(assignment: Assignment): string {
  return assignment.type === "user" ? assignment.user : assignment.type === "group" ? assignment.group : assignment.expression;
}

function checkMappings(
  ctx: CheckContext,
  step: Step,
  field: "inputs" | "outputs",
  mappings: { from: string; to: string }[] | undefined,
): void {
  mappings?.forEach((mapping, i) => {
    checkFeel(ctx, mapping.from, `The value copied to "${mapping.to}" by ${describeStep(step)}`, {
      stepId: step.id,
      path: stepPath(ctx, step, field, i, "from"),
    });
  });
}

export function checkFeel(
  ctx: CheckContext,
  text: string,
  subject: string,
  at: Pick<Problem, "stepId" | "connectionId" | "path">,
): void {
  const result = checkFeelExpression(text);
  if (result.ok) return;
  ctx.report({
    ...at,
    code: "expression.syntax",
    severity: "error",
    message: `${subject} is not a valid expression. ${result.message}`,
    offset: result.offset,
  });
}
