import type { ProcessDefinition, Problem } from "@baton/model";
import { stepDisplayName } from "../properties/describe-step.ts";
import { problemTarget, type Selection } from "../process/selection.ts";

export type Severity = Problem["severity"];

export type ProblemGroup = {
  /** What clicking the group's problems selects; null for the whole process. */
  target: Selection;
  label: string;
  worst: Severity;
  problems: Problem[];
};

const rank = (s: Severity) => (s === "error" ? 0 : 1);

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === "error") errors++;
  return { errors, warnings: problems.length - errors };
}

/** "2 errors and 1 warning", "1 warning", "no problems". */
export function summarizeProblems(problems: readonly Problem[]): string {
  const { errors, warnings } = countProblems(problems);
  const parts: string[] = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.length ? parts.join(" and ") : "no problems";
}

/** A readable name for a connection: its label, then where it goes. */
export function connectionDisplayName(definition: ProcessDefinition, connectionId: string): string {
  const c = definition.connections.find((x) => x.id === connectionId);
  if (!c) return `Connection ${connectionId}`;
  const name = (id: string) => {
    const step = definition.steps.find((s) => s.id === id);
    return step ? stepDisplayName(step) : id;
  };
  const route = `${name(c.source)} → ${name(c.target)}`;
  return c.label?.trim() ? `“${c.label.trim()}” (${route})` : route;
}

/**
 * Problems grouped by what they point at, in the order an analyst reads the
 * process: the process itself first, then steps and connections in the order
 * they are defined; within a group errors come before warnings.
 */
export function groupProblems(problems: readonly Problem[], definition: ProcessDefinition): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const target = problemTarget(problem);
    const key = target ? `${target.type}:${target.id}` : "process";
    let group = groups.get(key);
    if (!group) {
      group = { target, label: labelFor(target, definition), worst: problem.severity, problems: [] };
      groups.set(key, group);
    }
    group.problems.push(problem);
    if (problem.severity === "error") group.worst = "error";
  }
  const order = (g: ProblemGroup): number => {
    if (!g.target) return -1;
    if (g.target.type === "step") {
      const i = definition.steps.findIndex((s) => s.id === g.target!.id);
      return i === -1 ? 1e6 : i;
    }
    const i = definition.connections.findIndex((c) => c.id === g.target!.id);
    return definition.steps.length + (i === -1 ? 1e6 : i);
  };
  const list = [...groups.values()];
  for (const g of list) g.problems.sort((a, b) => rank(a.severity) - rank(b.severity));
  // Array.prototype.sort is stable, so equal orders keep their arrival order.
  return list.sort((a, b) => order(a) - order(b));
}

/** The worst severity per step and per connection, for outlining the canvas. */
export function severityByElement(problems: readonly Problem[]): {
  steps: Map<string, Severity>;
  connections: Map<string, Severity>;
} {
  const steps = new Map<string, Severity>();
  const connections = new Map<string, Severity>();
  const note = (map: Map<string, Severity>, id: string, severity: Severity) => {
    if (map.get(id) !== "error") map.set(id, severity);
  };
  for (const p of problems) {
    if (p.connectionId) note(connections, p.connectionId, p.severity);
    else if (p.stepId) note(steps, p.stepId, p.severity);
  }
  return { steps, connections };
}

function labelFor(target: Selection, definition: ProcessDefinition): string {
  if (!target) return "Process";
  if (target.type === "connection") return connectionDisplayName(definition, target.id);
  const step = definition.steps.find((s) => s.id === target.id);
  return step ? stepDisplayName(step) : `Step ${target.id}`;
}
