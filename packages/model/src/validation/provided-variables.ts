import { variablesWritten } from "../variables-written.ts";
import type { Step } from "../process-definition.ts";
import type { CheckContext } from "./context.ts";

/**
 * The variables that may exist when a step starts: what every step that can
 * run before it writes. A form without output mappings copies every field to
 * a variable of its key; with mappings, only their targets (by head name:
 * `order.amount` provides `order`). A step inside a loop counts as earlier
 * than itself.
 */
const cache = new WeakMap<CheckContext, Map<string, Set<string>>>();

export function variablesBefore(ctx: CheckContext, step: Step): Set<string> {
  let byStep = cache.get(ctx);
  if (!byStep) cache.set(ctx, (byStep = new Map()));
  const known = byStep.get(step.id);
  if (known) return known;
  const names = new Set<string>();
  const seen = new Set<string>();
  const queue = sourcesOf(ctx, step.id);
  // An index instead of shift(): shift() would make each walk quadratic.
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next]!;
    if (seen.has(id)) continue;
    seen.add(id);
    const earlier = ctx.stepsById.get(id);
    if (!earlier) continue;
    for (const name of variablesWritten(earlier)) names.add(name);
    // Variables are the instance's, not a sub-process's: what its inside wrote is there after it.
    if (earlier.kind === "subProcess") for (const inner of stepsInside(ctx, earlier.id)) for (const name of variablesWritten(inner)) names.add(name);
    for (const source of sourcesOf(ctx, id)) if (!seen.has(source)) queue.push(source);
    // Inside a sub-process, what came before the sub-process came before its start.
    if (earlier.kind === "start" && earlier.parent !== undefined && !seen.has(earlier.parent)) queue.push(earlier.parent);
  }
  byStep.set(step.id, names);
  return names;
}

/** The steps a token comes from; a boundary event's, those before the activity it sits on. */
function sourcesOf(ctx: CheckContext, id: string): string[] {
  const step = ctx.stepsById.get(id);
  const from = step?.kind === "boundaryEvent" ? step.attachedTo : id;
  return (ctx.incoming.get(from) ?? []).map((c) => c.source);
}

/** Every step inside the sub-process `id`, however deep. */
function stepsInside(ctx: CheckContext, id: string): Step[] {
  const inside = ctx.definition.steps.filter((s) => s.parent === id);
  return [...inside, ...inside.filter((s) => s.kind === "subProcess" && s.id !== id).flatMap((s) => stepsInside(ctx, s.id))];
}
