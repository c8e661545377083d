import { feelNames } from "../feel-evaluate.ts";
import { checkFeelExpression } from "../feel-syntax.ts";
import type { Step } from "../process-definition.ts";
import { type CheckContext, conditionOf, connectionPath, stepPath } from "./context.ts";
import { describeConnection, describeStep } from "./describe.ts";
import { RESERVED_NAMES } from "./form-checks.ts";
import { variablesBefore } from "./provided-variables.ts";

/**
 * Decisions pick one outgoing connection by condition, falling back to the
 * default; inclusive gateways take every connection whose condition holds
 * (one without a condition always), falling back to the default; parallel
 * gateways either split into branches or join them. A condition or default
 * anywhere else would be silently ignored at runtime.
 */
export function checkGateways(ctx: CheckContext): void {
  for (const step of ctx.definition.steps) {
    if (ctx.stepsById.get(step.id) !== step) continue;
    if (step.kind === "exclusiveGateway") checkDecision(ctx, step);
    else if (step.kind === "inclusiveGateway") checkInclusive(ctx, step);
    else if (step.kind === "parallelGateway") checkParallel(ctx, step);
  }
  checkConditionsOutsideDecisions(ctx);
}

function checkDecision(ctx: CheckContext, step: Step): void {
  const outs = ctx.outgoing.get(step.id) ?? [];
  const name = describeStep(step);
  if (outs.length === 1) {
    ctx.report({
      code: "decision.single-outgoing",
      severity: "error",
      message: `${name} has only one outgoing connection; a decision chooses between at least two.`,
      stepId: step.id,
      path: stepPath(ctx, step),
    });
  }
  checkConditionNames(ctx, step);
  for (const c of outs) {
    if (!c.isDefault && !conditionOf(c)) {
      ctx.report({
        code: "decision.missing-condition",
        severity: "error",
        message: `${describeConnection(ctx, c)} leaves ${name} without a condition. Give it a condition or make it the default.`,
        stepId: step.id,
        connectionId: c.id,
        path: connectionPath(ctx, c, "condition"),
      });
    }
  }
  checkDefaults(ctx, step, "a decision");
}

/** An inclusive split: a connection without a condition is always taken, so only the default needs care. */
function checkInclusive(ctx: CheckContext, step: Step): void {
  checkConditionNames(ctx, step);
  const outs = ctx.outgoing.get(step.id) ?? [];
  if (outs.length > 1) checkDefaults(ctx, step, "an inclusive gateway");
}

/** At most one default; a default's condition is ignored; without one, nothing matching is an incident. */
function checkDefaults(ctx: CheckContext, step: Step, noun: string): void {
  const outs = ctx.outgoing.get(step.id) ?? [];
  const name = describeStep(step);
  const defaults = outs.filter((c) => c.isDefault);
  for (const c of defaults.filter((d) => conditionOf(d))) {
    ctx.report({
      code: "decision.default-with-condition",
      severity: "warning",
      message: `${describeConnection(ctx, c)} is the default of ${name} and also has a condition; the default is taken when no other condition matches, so its condition is ignored.`,
      stepId: step.id,
      connectionId: c.id,
      path: connectionPath(ctx, c, "condition"),
    });
  }
  if (defaults.length > 1) {
    ctx.report({
      code: "decision.several-defaults",
      severity: "error",
      message: `${name} has ${defaults.length} default connections; ${noun} may have at most one.`,
      stepId: step.id,
      path: stepPath(ctx, step),
    });
  }
  if (outs.length > 1 && defaults.length === 0 && outs.every((c) => conditionOf(c))) {
    ctx.report({
      code: "decision.no-default",
      severity: "warning",
      message: `${name} has no default connection. If no condition matches at runtime, the process stops with an incident.`,
      stepId: step.id,
      path: stepPath(ctx, step),
    });
  }
}

/**
 * A condition reading a name no earlier step writes is always empty, so the
 * decision would quietly take another way. A warning, as for form rules: a
 * variable may also come with a start through the API.
 */
function checkConditionNames(ctx: CheckContext, step: Step): void {
  for (const c of ctx.outgoing.get(step.id) ?? []) {
    const condition = conditionOf(c);
    if (condition === undefined || c.isDefault || !checkFeelExpression(condition).ok) continue;
    const known = variablesBefore(ctx, step);
    const unknown = feelNames(condition).free.filter((n) => !known.has(n) && !RESERVED_NAMES.includes(n));
    if (unknown.length === 0) continue;
    ctx.report({
      code: "decision.unknown-variable",
      severity: "warning",
      message: `The condition of ${describeConnection(ctx, c).replace(/^The connection/, "the connection")} reads ${unknown.map((n) => `"${n}"`).join(", ")}, which no step before ${describeStep(step)} provides (no form field, output mapping or result); it would always be empty.`,
      stepId: step.id,
      connectionId: c.id,
      path: connectionPath(ctx, c, "condition"),
    });
  }
}

function checkParallel(ctx: CheckContext, step: Step): void {
  const ins = (ctx.incoming.get(step.id) ?? []).length;
  const outs = (ctx.outgoing.get(step.id) ?? []).length;
  // No connection on one side is already reported as no-incoming/no-outgoing.
  if (ins === 0 || outs === 0) return;
  const isSplit = ins === 1 && outs >= 2;
  const isJoin = ins >= 2 && outs === 1;
  if (isSplit || isJoin) return;
  const shape = `${ins} incoming and ${outs} outgoing connection${outs === 1 ? "" : "s"}`;
  ctx.report({
    code: "parallel.mismatched",
    severity: "error",
    message: `${describeStep(step)} has ${shape}. A parallel gateway either splits (1 in, 2 or more out) or joins (2 or more in, 1 out); use two gateways to do both.`,
    stepId: step.id,
    path: stepPath(ctx, step),
  });
}

function checkConditionsOutsideDecisions(ctx: CheckContext): void {
  for (const c of ctx.definition.connections) {
    const source = ctx.stepsById.get(c.source);
    if (!source || source.kind === "exclusiveGateway" || source.kind === "inclusiveGateway") continue;
    if (conditionOf(c)) {
      ctx.report({
        code: "connection.condition-outside-decision",
        severity: "error",
        message: `${describeConnection(ctx, c)} has a condition, but only connections leaving a decision or an inclusive gateway are chosen by condition. Put a decision in between or remove the condition.`,
        connectionId: c.id,
        stepId: source.id,
        path: connectionPath(ctx, c, "condition"),
      });
    }
    if (c.isDefault) {
      ctx.report({
        code: "connection.default-outside-decision",
        severity: "warning",
        message: `${describeConnection(ctx, c)} is marked as default, which only means something on a connection leaving a decision or an inclusive gateway.`,
        connectionId: c.id,
        stepId: source.id,
        path: connectionPath(ctx, c, "isDefault"),
      });
    }
  }
}
