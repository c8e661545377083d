import { formFields } from "../form-definition.ts";
import type { Step } from "../process-definition.ts";
import type { CheckContext } from "./context.ts";

/**
 * The variables that may exist when a step starts: what every step that can
 * run before it writes. A form without output mappings copies every field to
 * a variable of its key; with mappings, only their targets (by head name:
 * `order.amount` provides `order`). A step inside a loop counts as earlier
 * than itself.
 */
export function variablesBefore(ctx: CheckContext, step: Step): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const queue = (ctx.incoming.get(step.id) ?? []).map((c) => c.source);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const earlier = ctx.stepsById.get(id);
    if (!earlier) continue;
    for (const name of variablesWritten(earlier)) names.add(name);
    for (const c of ctx.incoming.get(id) ?? []) queue.push(c.source);
  }
  return names;
}

function variablesWritten(step: Step): string[] {
  const head = (to: string) => to.split(".")[0] ?? to;
  switch (step.kind) {
    case "start":
    case "userTask":
      return step.outputs ? step.outputs.map((m) => head(m.to)) : formFields(step.form).map((f) => f.key);
    case "serviceCall":
    case "callActivity":
      return step.outputs.map((m) => head(m.to));
    case "approval":
      return [step.resultVariable, ...formFields(step.form).map((f) => f.key)];
    default:
      return [];
  }
}
