import type { Step } from "../process-definition.ts";
import { type CheckContext, connectionPath, stepPath } from "./context.ts";
import { describeConnection, describeStep, lowerFirst } from "./describe.ts";

/** Ids, start and end, connection ends, and how tokens can move. */
export function checkGraph(ctx: CheckContext): void {
  checkIds(ctx);
  checkStartAndEnd(ctx);
  checkConnectionEnds(ctx);
  checkFlow(ctx);
}

function checkIds(ctx: CheckContext): void {
  const { steps, connections } = ctx.definition;
  steps.forEach((step) => {
    const first = ctx.stepsById.get(step.id);
    if (first && first !== step) {
      ctx.report({
        code: "step.duplicate-id",
        severity: "error",
        message: `${describeStep(step)} has the id "${step.id}", which ${describeStep(first)} already uses. Each step needs its own id.`,
        stepId: step.id,
        path: stepPath(ctx, step, "id"),
      });
    }
  });
  const seen = new Set<string>();
  connections.forEach((c) => {
    if (seen.has(c.id)) {
      ctx.report({
        code: "connection.duplicate-id",
        severity: "error",
        message: `${describeConnection(ctx, c)} has the id "${c.id}", which another connection already uses. Each connection needs its own id.`,
        connectionId: c.id,
        path: connectionPath(ctx, c, "id"),
      });
    }
    seen.add(c.id);
  });
}

/**
 * The process, and the inside of each sub-process, has exactly one start
 * and at least one end (a sub-process's start is a plain one: no form, no
 * starters; scope-checks.ts). Steps whose parent is unknown are reported
 * there and left out here.
 */
function checkStartAndEnd(ctx: CheckContext): void {
  const scopes: (Step | undefined)[] = [undefined, ...ctx.definition.steps.filter((s) => s.kind === "subProcess" && ctx.stepsById.get(s.id) === s)];
  for (const scope of scopes) {
    const steps = ctx.definition.steps.filter((s) => s.parent === scope?.id);
    const starts = steps.filter((s) => s.kind === "start");
    const where = scope ? describeStep(scope) : "The process";
    const at = scope ? { stepId: scope.id, path: stepPath(ctx, scope) } : {};
    if (starts.length === 0) {
      ctx.report({
        ...at,
        code: scope ? "sub-process.no-start" : "process.no-start",
        severity: "error",
        message: scope ? `${where} has no start inside. Add one start where its inside begins.` : "The process has no start. Add one start step where the process begins.",
      });
    }
    for (const extra of starts.slice(1)) {
      ctx.report({
        code: "process.several-starts",
        severity: "error",
        message: `${describeStep(extra)} is one of ${starts.length} starts ${scope ? `inside ${lowerFirst(where)}` : "of the process"}; ${scope ? "a sub-process" : "a process"} has exactly one start. Remove the extra starts.`,
        stepId: extra.id,
        path: stepPath(ctx, extra),
      });
    }
    if (!steps.some((s) => s.kind === "end")) {
      ctx.report({
        ...at,
        code: scope ? "sub-process.no-end" : "process.no-end",
        severity: "error",
        message: scope ? `${where} has no end inside. Add an end where its inside finishes.` : "The process has no end. Add an end step where the process finishes.",
      });
    }
  }
}

function checkConnectionEnds(ctx: CheckContext): void {
  for (const c of ctx.definition.connections) {
    const source = ctx.stepsById.get(c.source);
    const target = ctx.stepsById.get(c.target);
    const base = { severity: "error" as const, connectionId: c.id };
    if (!source) {
      ctx.report({
        ...base,
        code: "connection.unknown-source",
        message: `${describeConnection(ctx, c)} starts at a step that does not exist ("${c.source}").`,
        path: connectionPath(ctx, c, "source"),
      });
    }
    if (!target) {
      ctx.report({
        ...base,
        code: "connection.unknown-target",
        message: `${describeConnection(ctx, c)} leads to a step that does not exist ("${c.target}").`,
        path: connectionPath(ctx, c, "target"),
      });
    }
    if (target?.kind === "start") {
      ctx.report({
        ...base,
        code: "connection.into-start",
        message: `${describeConnection(ctx, c)} leads into the start; nothing can lead back to the start. Connect it to the first task instead.`,
        stepId: target.id,
        path: connectionPath(ctx, c, "target"),
      });
    }
    if (source?.kind === "end") {
      ctx.report({
        ...base,
        code: "connection.out-of-end",
        message: `${describeConnection(ctx, c)} leaves an end; the process stops at an end, so nothing can follow it.`,
        stepId: source.id,
        path: connectionPath(ctx, c, "source"),
      });
    }
    if (c.source === c.target && source) {
      ctx.report({
        ...base,
        code: "connection.self-loop",
        message: `${describeConnection(ctx, c)} leads back into the same step. To repeat a step, route the loop through a decision.`,
        stepId: source.id,
        path: connectionPath(ctx, c),
      });
    }
  }
}

/**
 * Every step needs a way in from the start and a way out to an end. A step
 * with no connection at all on one side gets the plain "no incoming"/"no
 * outgoing" problem; "unreachable"/"dead end" are kept for steps that have
 * connections but sit on an island or in a loop without exit.
 */
function checkFlow(ctx: CheckContext): void {
  const { steps } = ctx.definition;
  const starts = steps.filter((s) => s.kind === "start");
  const ends = steps.filter((s) => s.kind === "end");
  // A boundary event is reached through the activity it sits on.
  const boundariesOf = new Map<string, string[]>();
  for (const s of steps) if (s.kind === "boundaryEvent") boundariesOf.set(s.attachedTo, [...(boundariesOf.get(s.attachedTo) ?? []), s.id]);
  const reached = walk(starts, (id) => [...(ctx.outgoing.get(id) ?? []).map((c) => c.target), ...(boundariesOf.get(id) ?? [])]);
  const finishing = walk(ends, (id) => (ctx.incoming.get(id) ?? []).map((c) => c.source));

  for (const step of steps) {
    if (ctx.stepsById.get(step.id) !== step) continue; // duplicate id: already reported
    const ins = ctx.incoming.get(step.id) ?? [];
    const outs = ctx.outgoing.get(step.id) ?? [];
    const at = { severity: "error" as const, stepId: step.id, path: stepPath(ctx, step) };
    if (step.kind === "boundaryEvent") {
      // Its way in is the activity it sits on (boundary-checks.ts says more).
    } else if (step.kind !== "start" && ins.length === 0) {
      ctx.report({
        ...at,
        code: "step.no-incoming",
        message: `${describeStep(step)} has no incoming connection, so the process never gets there.`,
      });
    } else if (step.kind !== "start" && starts.some((s) => s.parent === step.parent) && !reached.has(step.id)) {
      ctx.report({
        ...at,
        code: "step.unreachable",
        message: `${describeStep(step)} cannot be reached from the start.`,
      });
    }
    if (step.kind !== "end" && outs.length === 0) {
      ctx.report({
        ...at,
        code: "step.no-outgoing",
        message: `${describeStep(step)} has no outgoing connection, so the process would stop there without finishing.`,
      });
    } else if (step.kind !== "end" && ends.some((s) => s.parent === step.parent) && !finishing.has(step.id)) {
      ctx.report({
        ...at,
        code: "step.dead-end",
        message: `${describeStep(step)} is a dead end: no path leads from it to an end.`,
      });
    }
    if (!["exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "end", "boundaryEvent"].includes(step.kind) && outs.length > 1) {
      ctx.report({
        ...at,
        code: "task.several-outgoing",
        message: `${describeStep(step)} has ${outs.length} outgoing connections but may have only one. Branch with a decision, a parallel or an inclusive gateway after it.`,
      });
    }
  }
}

/** Ids reachable from `from` following `next`, including the origins. */
function walk(from: Step[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from.map((s) => s.id));
  const queue = [...seen];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const n of next(id)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}
