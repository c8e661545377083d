import type { Assignment, Step } from "../process-definition.ts";
import { type CheckContext, stepPath } from "./context.ts";
import { describeStep } from "./describe.ts";

const strategyWords = { claim: "claim", roundRobin: "round robin", leastLoaded: "least loaded" } as const;

/**
 * A group's strategy (round robin, least loaded) hands one task to one
 * member; only a user task's own assignment is such a task. Approvers,
 * alert recipients and escalation targets name a group for another reason
 * (every member votes, every member is told, the queue takes the task back),
 * so a strategy there would be silently ignored: it is refused instead.
 * `claim` is the default and allowed everywhere.
 */
export function checkStrategies(ctx: CheckContext): void {
  for (const step of ctx.definition.steps) {
    if (step.kind === "approval") refuse(ctx, step, step.approvers, ["approvers"], "its approvers");
    if (step.kind === "notify") refuse(ctx, step, step.recipients, ["recipients"], "its recipients");
    if (step.kind === "userTask" || step.kind === "approval") {
      step.escalations?.forEach((level, i) => {
        if (level.to) refuse(ctx, step, level.to, ["escalations", i, "to"], `escalation level ${i + 1}`);
      });
    }
  }
}

function refuse(ctx: CheckContext, step: Step, assignment: Assignment, path: (string | number)[], what: string): void {
  if (assignment.type !== "group" || !assignment.strategy || assignment.strategy === "claim") return;
  ctx.report({
    stepId: step.id,
    code: "assignment.strategy-misplaced",
    severity: "error",
    message: `${describeStep(step)} hands ${what} out by ${strategyWords[assignment.strategy]}, but only a user task's own assignment hands a task to one member of a group; choose "claim" or remove the strategy.`,
    path: stepPath(ctx, step, ...path, "strategy"),
  });
}
