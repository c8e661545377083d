import { EXECUTABLE_STEP_KINDS } from "../process-definition.ts";
import { type CheckContext, stepPath } from "./context.ts";
import { describeStep } from "./describe.ts";

/**
 * The palette offers more than the engine runs today. Such steps can be
 * drawn, saved and checked, but a package containing one could never
 * finish, so publishing is refused with this error until the runtime can
 * run that kind.
 */
export function checkExecutability(ctx: CheckContext): void {
  for (const step of ctx.definition.steps) {
    if (EXECUTABLE_STEP_KINDS.includes(step.kind)) continue;
    ctx.report({
      code: "step.not-executable-yet",
      severity: "error",
      stepId: step.id,
      message: `${describeStep(step)} can be drawn and saved, but this Baton cannot run it yet, so the process cannot be published with it.`,
      path: stepPath(ctx, step, "kind"),
    });
  }
}
