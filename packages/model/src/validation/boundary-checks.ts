import { BOUNDARY_HOST_KINDS, type BoundaryEventStep, type Step } from "../process-definition.ts";
import { type CheckContext, stepPath } from "./context.ts";
import { describeStep, lowerFirst } from "./describe.ts";
import { checkFeel } from "./expression-checks.ts";
import { isIsoDuration } from "./iso-duration.ts";
import { parseTimerCycle } from "./timer-cycle.ts";

/** Kinds inside which a business error can be thrown (a service call's failure counts). */
const ERROR_THROWING_KINDS: readonly Step["kind"][] = ["serviceCall", "callActivity", "subProcess"];

/**
 * Boundary events and error ends: a boundary event sits on an activity
 * that exists and can have one, is left by exactly one connection and
 * entered by none; a timer's wait parses, a cycle repeats only when the
 * activity keeps going; an error event interrupts, catches each code
 * once per activity, and sits where something can throw; an error end
 * names its code.
 */
export function checkBoundaryEvents(ctx: CheckContext): void {
  const caught = new Map<string, Set<string>>();
  for (const step of ctx.definition.steps) {
    if (step.kind === "end" && step.error && step.error.code.trim() === "") {
      ctx.report({
        stepId: step.id,
        code: "error.blank-code",
        severity: "error",
        message: `${describeStep(step)} throws an error without a code; give it a code such as personal-file-not-found, which the event that catches it names.`,
        path: stepPath(ctx, step, "error", "code"),
      });
    }
    if (step.kind !== "boundaryEvent") continue;
    checkPlace(ctx, step);
    if (step.trigger.type === "timer") checkTimer(ctx, step, step.trigger.timer);
    else checkErrorCatch(ctx, step, step.trigger, caught);
  }
}

function checkPlace(ctx: CheckContext, step: BoundaryEventStep): void {
  const name = describeStep(step);
  const host = ctx.stepsById.get(step.attachedTo);
  if (!host) {
    ctx.report({
      stepId: step.id,
      code: "boundary.unknown-host",
      severity: "error",
      message: `${name} sits on a step that does not exist ("${step.attachedTo}"); put it on a task, an approval or a service call.`,
      path: stepPath(ctx, step, "attachedTo"),
    });
  } else if (!BOUNDARY_HOST_KINDS.includes(host.kind)) {
    ctx.report({
      stepId: step.id,
      code: "boundary.invalid-host",
      severity: "error",
      message: `${name} sits on ${lowerFirst(describeStep(host))}, which does not wait while under way; put it on a task, an approval or a service call.`,
      path: stepPath(ctx, step, "attachedTo"),
    });
  }
  const ins = ctx.incoming.get(step.id) ?? [];
  if (ins.length > 0) {
    ctx.report({
      stepId: step.id,
      code: "boundary.incoming",
      severity: "error",
      message: `${name} has ${ins.length === 1 ? "an incoming connection" : `${ins.length} incoming connections`}; an event on a step's border is set off by that step, so nothing may lead into it.`,
      path: stepPath(ctx, step),
    });
  }
  const outs = ctx.outgoing.get(step.id) ?? [];
  if (outs.length > 1) {
    ctx.report({
      stepId: step.id,
      code: "boundary.several-outgoing",
      severity: "error",
      message: `${name} has ${outs.length} outgoing connections but may have only one. Branch with a decision or a parallel gateway after it.`,
      path: stepPath(ctx, step),
    });
  }
}

function checkTimer(ctx: CheckContext, step: BoundaryEventStep, timer: Extract<BoundaryEventStep["trigger"], { type: "timer" }>["timer"]): void {
  const name = describeStep(step);
  if (timer.type === "date") {
    checkFeel(ctx, timer.expression, `The date ${lowerFirst(name)} waits for`, { stepId: step.id, path: stepPath(ctx, step, "trigger", "timer", "expression") });
    return;
  }
  if (timer.type === "duration") {
    if (isIsoDuration(timer.duration.trim())) return;
    ctx.report({
      stepId: step.id,
      code: "due.invalid-duration",
      severity: "error",
      message: `The duration "${timer.duration}" of ${lowerFirst(name)} is not an ISO 8601 duration; write for example PT4H (4 hours) or P2D (2 days).`,
      path: stepPath(ctx, step, "trigger", "timer", "duration"),
    });
    return;
  }
  if (!parseTimerCycle(timer.cycle)) {
    ctx.report({
      stepId: step.id,
      code: "boundary.invalid-cycle",
      severity: "error",
      message: `The cycle "${timer.cycle}" of ${lowerFirst(name)} is not a repetition such as R3/PT1H (every hour, three times) or R/P1D (every day).`,
      path: stepPath(ctx, step, "trigger", "timer", "cycle"),
    });
  }
  if (step.interrupting) {
    ctx.report({
      stepId: step.id,
      code: "boundary.cycle-interrupting",
      severity: "error",
      message: `${name} repeats, but it interrupts its step, so it could go off only once; let the step keep going, or wait a duration instead.`,
      path: stepPath(ctx, step, "interrupting"),
    });
  }
}

type ErrorTrigger = Extract<BoundaryEventStep["trigger"], { type: "error" }>;

function checkErrorCatch(ctx: CheckContext, step: BoundaryEventStep, trigger: ErrorTrigger, caught: Map<string, Set<string>>): void {
  const name = describeStep(step);
  if (!step.interrupting) {
    ctx.report({
      stepId: step.id,
      code: "boundary.error-not-interrupting",
      severity: "error",
      message: `${name} lets its step keep going, but an error ends the step; an error event always interrupts.`,
      path: stepPath(ctx, step, "interrupting"),
    });
  }
  const code = trigger.errorCode?.trim() ?? "";
  const codes = caught.get(step.attachedTo) ?? new Set<string>();
  caught.set(step.attachedTo, codes);
  if (codes.has(code)) {
    ctx.report({
      stepId: step.id,
      code: "boundary.duplicate-error",
      severity: "error",
      message: `${name} catches ${code ? `the error "${code}"` : "any error"}, as another event on the same step already does; remove one, or give them different codes.`,
      path: stepPath(ctx, step, "trigger", "errorCode"),
    });
  }
  codes.add(code);
  const host = ctx.stepsById.get(step.attachedTo);
  if (host && BOUNDARY_HOST_KINDS.includes(host.kind) && !ERROR_THROWING_KINDS.includes(host.kind)) {
    ctx.report({
      stepId: step.id,
      code: "boundary.error-never-thrown",
      severity: "warning",
      message: `${name} waits for an error, but nothing inside ${lowerFirst(describeStep(host))} throws one, so it never goes off. Errors come from service calls (and from error ends inside a sub-process).`,
      path: stepPath(ctx, step, "attachedTo"),
    });
  }
}
