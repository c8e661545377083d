import { type CheckContext, stepPath } from "./context.ts";
import { describeStep } from "./describe.ts";

/**
 * A call activity starts the latest published version of its process, so
 * that process must be published before this one is; a process may call
 * itself (a recursion the runtime stops at a depth limit).
 */
export function checkCalledProcesses(ctx: CheckContext, published: ReadonlySet<string>): void {
  for (const step of ctx.definition.steps) {
    if (step.kind !== "callActivity" || step.processKey === ctx.definition.key || published.has(step.processKey)) continue;
    ctx.report({
      code: "call.unknown-process",
      severity: "error",
      message: `${describeStep(step)} calls the process "${step.processKey}", which is not published. Publish it first, or pick a published process.`,
      stepId: step.id,
      path: stepPath(ctx, step, "processKey"),
    });
  }
}
