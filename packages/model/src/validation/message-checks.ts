import { feelNames } from "../feel-evaluate.ts";
import { checkFeelExpression } from "../feel-syntax.ts";
import type { Step } from "../process-definition.ts";
import { type CheckContext, connectionPath, stepPath } from "./context.ts";
import { describeConnection, describeStep } from "./describe.ts";
import { checkFeel } from "./expression-checks.ts";
import { RESERVED_NAMES } from "./form-checks.ts";
import { variablesBefore } from "./provided-variables.ts";
import { isIsoInstant, parseStartCycle } from "./start-cycle.ts";

/**
 * Messages and start triggers: a message wait names its message and a
 * correlation key that parses; an event gateway leads only to message
 * waits and timer steps (at least two, no message twice); a start trigger
 * names its message, or a cycle or date that can be read, and sits on the
 * process's own start.
 */
export function checkMessages(ctx: CheckContext): void {
  for (const step of ctx.definition.steps) {
    if (ctx.stepsById.get(step.id) !== step) continue;
    if (step.kind === "messageCatch") checkMessageCatch(ctx, step);
    if (step.kind === "eventBasedGateway") checkEventGateway(ctx, step);
    if (step.kind === "start" && step.trigger) checkStartTrigger(ctx, step);
  }
}

function checkMessageCatch(ctx: CheckContext, step: Extract<Step, { kind: "messageCatch" }>): void {
  const at = { severity: "error" as const, stepId: step.id };
  if (step.message.name.trim() === "") {
    ctx.report({ ...at, code: "message.missing-name", message: `${describeStep(step)} does not say which message it waits for; give the message a name.`, path: stepPath(ctx, step, "message", "name") });
  }
  if (step.message.correlationKey.trim() === "") {
    ctx.report({
      ...at,
      code: "message.missing-key",
      message: `${describeStep(step)} has no correlation key; give an expression (e.g. orderId) whose value tells this instance's message from the others.`,
      path: stepPath(ctx, step, "message", "correlationKey"),
    });
  } else {
    checkFeel(ctx, step.message.correlationKey, `The correlation key of ${describeStep(step)}`, { stepId: step.id, path: stepPath(ctx, step, "message", "correlationKey") });
    checkKeyNames(ctx, step);
  }
}

/** A key reading a name no earlier step writes is empty when the request gets there: it stops under an incident. A warning, as for conditions: the API may bring the variable. */
function checkKeyNames(ctx: CheckContext, step: Extract<Step, { kind: "messageCatch" }>): void {
  const key = step.message.correlationKey;
  if (!checkFeelExpression(key).ok) return;
  const known = variablesBefore(ctx, step);
  const unknown = feelNames(key).free.filter((n) => !known.has(n) && !RESERVED_NAMES.includes(n));
  if (unknown.length === 0) return;
  ctx.report({
    severity: "warning",
    code: "message.unknown-variable",
    message: `The correlation key of ${describeStep(step)} reads ${unknown.map((n) => `"${n}"`).join(", ")}, which no step before it provides; it would be empty and the request would stop there.`,
    stepId: step.id,
    path: stepPath(ctx, step, "message", "correlationKey"),
  });
}

function checkEventGateway(ctx: CheckContext, step: Step): void {
  const outs = ctx.outgoing.get(step.id) ?? [];
  if (outs.length === 1) {
    ctx.report({
      severity: "error",
      code: "event-gateway.too-few-outgoing",
      message: `${describeStep(step)} has only one outgoing connection; an event gateway waits for the first of at least two events.`,
      stepId: step.id,
      path: stepPath(ctx, step),
    });
  }
  const names = new Set<string>();
  for (const c of outs) {
    const target = ctx.stepsById.get(c.target);
    if (!target) continue;
    if (target.kind !== "messageCatch" && target.kind !== "timer") {
      ctx.report({
        severity: "error",
        code: "event-gateway.invalid-target",
        message: `${describeConnection(ctx, c)} leads from an event gateway to ${describeStep(target)}; an event gateway may only be followed by message waits and timers.`,
        stepId: step.id,
        connectionId: c.id,
        path: connectionPath(ctx, c, "target"),
      });
    } else if (target.kind === "messageCatch" && target.message.name.trim() !== "") {
      if (names.has(target.message.name)) {
        ctx.report({
          severity: "error",
          code: "event-gateway.duplicate-message",
          message: `${describeStep(step)} waits for the message "${target.message.name}" twice; each message after an event gateway must be a different one.`,
          stepId: step.id,
          connectionId: c.id,
          path: connectionPath(ctx, c, "target"),
        });
      }
      names.add(target.message.name);
    }
  }
}

function checkStartTrigger(ctx: CheckContext, step: Extract<Step, { kind: "start" }>): void {
  const trigger = step.trigger!;
  const at = { severity: "error" as const, stepId: step.id };
  if (step.parent !== undefined) {
    ctx.report({ ...at, code: "start-trigger.inside-sub-process", message: `${describeStep(step)} starts a sub-process, which its process enters; only the process's own start can be started by a message or a timer.`, path: stepPath(ctx, step, "trigger") });
    return;
  }
  if (trigger.type === "message") {
    if (trigger.message.trim() === "") {
      ctx.report({ ...at, code: "start-trigger.missing-message", message: `${describeStep(step)} starts on a message but does not say which; give the message a name.`, path: stepPath(ctx, step, "trigger", "message") });
    }
    return;
  }
  const { timer } = trigger;
  if (timer.type === "cycle" && !parseStartCycle(timer.cycle)) {
    ctx.report({
      ...at,
      code: "start-trigger.invalid-cycle",
      message: `The cycle "${timer.cycle}" of ${describeStep(step)} is not a repetition; write for example R/PT1H (every hour), R/P1D (every day) or R/2025-01-06T08:00:00Z/P7D (weekly from that time).`,
      path: stepPath(ctx, step, "trigger", "timer", "cycle"),
    });
  }
  if (timer.type === "date" && !isIsoInstant(timer.date)) {
    ctx.report({
      ...at,
      code: "start-trigger.invalid-date",
      message: `The date "${timer.date}" of ${describeStep(step)} is not a date and time with a zone; write for example 2025-01-06T08:00:00Z.`,
      path: stepPath(ctx, step, "trigger", "timer", "date"),
    });
  }
}
