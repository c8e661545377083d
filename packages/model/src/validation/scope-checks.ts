import { formFields } from "../form-definition.ts";
import type { Step } from "../process-definition.ts";
import { type CheckContext, connectionPath, stepPath } from "./context.ts";
import { describeConnection, describeStep, lowerFirst } from "./describe.ts";

/**
 * Sub-processes: a step's `parent` names a sub-process of this process (and
 * no step lies, however deeply, inside itself); connections stay on one
 * side of a sub-process's border; the start inside a sub-process is a plain
 * one, since nobody fills in a form to enter it.
 */
export function checkScopes(ctx: CheckContext): void {
  for (const step of ctx.definition.steps) {
    if (step.parent === undefined) continue;
    const parent = ctx.stepsById.get(step.parent);
    const at = { severity: "error" as const, stepId: step.id, path: stepPath(ctx, step, "parent") };
    if (!parent || parent.kind !== "subProcess") {
      ctx.report({
        ...at,
        code: "step.unknown-parent",
        message: `${describeStep(step)} lies inside "${step.parent}", which is ${parent ? `${lowerFirst(describeStep(parent))}, not a sub-process` : "no step of this process"}.`,
      });
      continue;
    }
    if (insideItself(ctx, step)) {
      ctx.report({ ...at, code: "step.inside-itself", message: `${describeStep(step)} lies inside itself (its parents go round in a circle).` });
      continue;
    }
    if (step.kind === "start" && (formFields(step.form).length > 0 || step.starters.length > 0)) {
      ctx.report({
        ...at,
        path: stepPath(ctx, step),
        code: "sub-process.start-with-form",
        message: `${describeStep(step)} starts ${lowerFirst(describeStep(parent))}; nobody fills in a form or is asked who may start there. Remove its form and starters.`,
      });
    }
  }
  for (const c of ctx.definition.connections) {
    const source = ctx.stepsById.get(c.source);
    const target = ctx.stepsById.get(c.target);
    if (!source || !target || source.parent === target.parent) continue;
    ctx.report({
      code: "connection.crosses-border",
      severity: "error",
      message: `${describeConnection(ctx, c)} crosses the border of ${lowerFirst(describeStep(ctx.stepsById.get((source.parent ?? target.parent) as string) ?? source))}. Connect to the sub-process itself, or to a step on the same side.`,
      connectionId: c.id,
      stepId: source.id,
      path: connectionPath(ctx, c),
    });
  }
}

function insideItself(ctx: CheckContext, step: Step): boolean {
  const seen = new Set<string>([step.id]);
  for (let parent = step.parent; parent !== undefined; parent = ctx.stepsById.get(parent)?.parent) {
    if (seen.has(parent)) return true;
    seen.add(parent);
  }
  return false;
}
