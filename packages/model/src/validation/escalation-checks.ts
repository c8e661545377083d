import type { Step } from "../process-definition.ts";
import { type CheckContext, stepPath } from "./context.ts";
import { describeStep, lowerFirst } from "./describe.ts";
import { assigneeOf, checkFeel } from "./expression-checks.ts";
import { isIsoDuration } from "./iso-duration.ts";

const actionNouns = { remind: "reminder", notify: "alert", reassign: "reassignment" } as const;

/**
 * A task's escalation levels: they count from its due date, so they need
 * one; each waits an ISO 8601 duration; an alert or a reassignment needs
 * someone to go to. The engine schedules them when the task is created and
 * the runtime's job worker carries them out.
 */
export function checkEscalations(ctx: CheckContext): void {
  for (const step of ctx.definition.steps) {
    if (step.kind !== "userTask" && step.kind !== "approval") continue;
    const levels = step.escalations ?? [];
    if (levels.length === 0) continue;
    const name = describeStep(step);
    if (!step.due) {
      ctx.report({
        stepId: step.id,
        code: "escalation.without-due",
        severity: "error",
        message: `${name} escalates after its due date, but it has no due date: choose when it is due, or remove the escalation.`,
        path: stepPath(ctx, step, "escalations"),
      });
    }
    levels.forEach((level, i) => checkLevel(ctx, step, level, i));
  }
}

type Level = NonNullable<Extract<Step, { kind: "userTask" }>["escalations"]>[number];

function checkLevel(ctx: CheckContext, step: Step, level: Level, i: number): void {
  const what = `Escalation level ${i + 1} (${actionNouns[level.action]}) of ${describeStep(step)}`;
  if (!isIsoDuration(level.after.trim())) {
    ctx.report({
      stepId: step.id,
      code: "due.invalid-duration",
      severity: "error",
      message: `${what} waits "${level.after}" past the due date, which is not an ISO 8601 duration; write for example PT0S (at the due date), PT4H or P1D.`,
      path: stepPath(ctx, step, "escalations", i, "after"),
    });
  }
  if (level.action === "remind") return;
  const to = level.to;
  if (!to || assigneeOf(to).trim() === "") {
    ctx.report({
      stepId: step.id,
      code: "escalation.no-recipient",
      severity: "error",
      message: `${what} does not say who it goes to: choose a user, a group or an expression.`,
      path: stepPath(ctx, step, "escalations", i, "to"),
    });
  } else if (to.type === "expression") {
    checkFeel(ctx, to.expression, `The recipient expression of ${lowerFirst(what)}`, { stepId: step.id, path: stepPath(ctx, step, "escalations", i, "to", "expression") });
  }
}
