import type { Connection, ProcessDefinition, Step } from "../process-definition.ts";
import type { Problem } from "../problems.ts";

/**
 * What every check needs: the parsed definition, lookups built once, and the
 * list the checks append to. Connections whose ends are unknown are left out
 * of `incoming`/`outgoing`; they get their own problem.
 */
export type CheckContext = {
  definition: ProcessDefinition;
  /** First step with each id (duplicates are reported separately). */
  stepsById: Map<string, Step>;
  stepIndex: Map<Step, number>;
  connectionIndex: Map<Connection, number>;
  incoming: Map<string, Connection[]>;
  outgoing: Map<string, Connection[]>;
  report: (problem: Problem) => void;
};

export function createContext(definition: ProcessDefinition, problems: Problem[]): CheckContext {
  const stepsById = new Map<string, Step>();
  const stepIndex = new Map<Step, number>();
  const incoming = new Map<string, Connection[]>();
  const outgoing = new Map<string, Connection[]>();
  definition.steps.forEach((step, i) => {
    stepIndex.set(step, i);
    if (!stepsById.has(step.id)) stepsById.set(step.id, step);
    incoming.set(step.id, []);
    outgoing.set(step.id, []);
  });
  const connectionIndex = new Map<Connection, number>();
  definition.connections.forEach((c, i) => {
    connectionIndex.set(c, i);
    if (stepsById.has(c.source) && stepsById.has(c.target)) {
      outgoing.get(c.source)?.push(c);
      incoming.get(c.target)?.push(c);
    }
  });
  return {
    definition,
    stepsById,
    stepIndex,
    connectionIndex,
    incoming,
    outgoing,
    report: (problem) => problems.push(problem),
  };
}

/** Path of a step (plus a tail) inside the definition, for `Problem.path`. */
export function stepPath(ctx: CheckContext, step: Step, ...tail: (string | number)[]): (string | number)[] {
  return ["steps", ctx.stepIndex.get(step) ?? -1, ...tail];
}

export function connectionPath(
  ctx: CheckContext,
  connection: Connection,
  ...tail: (string | number)[]
): (string | number)[] {
  return ["connections", ctx.connectionIndex.get(connection) ?? -1, ...tail];
}

/** Trimmed condition text, or undefined when there is none (blank counts as none). */
export function conditionOf(connection: Connection): string | undefined {
  const text = connection.condition?.trim();
  return text ? text : undefined;
}
