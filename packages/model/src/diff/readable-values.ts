import { kindNouns, lowerFirst } from "../validation/describe.ts";
import type { Assignment, DueRule, EscalationLevel, OutputMapping, Step } from "../process-definition.ts";

/**
 * How the diff shows a step's settings to people: an assignment as
 * `group "support" (round robin)`, a due rule as `end of the day + 2 days`
 * or `4 hours`, anything else as short JSON.
 */
const strategyWords = { claim: "", roundRobin: " (round robin)", leastLoaded: " (least loaded)" } as const;

export function describeAssignment(a: Assignment | undefined): string {
  if (!a) return "nobody";
  if (a.type === "user") return `user "${a.user}"`;
  if (a.type === "group") return `group "${a.group}"${strategyWords[a.strategy ?? "claim"]}`;
  return `the result of ${a.expression}`;
}

const durationUnits: [RegExp, string][] = [
  [/(\d+(?:\.\d+)?)Y/, "year"],
  [/(\d+(?:\.\d+)?)M/, "month"],
  [/(\d+(?:\.\d+)?)W/, "week"],
  [/(\d+(?:\.\d+)?)D/, "day"],
];
const timeUnits: [RegExp, string][] = [
  [/(\d+(?:\.\d+)?)H/, "hour"],
  [/(\d+(?:\.\d+)?)M/, "minute"],
  [/(\d+(?:\.\d+)?)S/, "second"],
];

/** `P1DT4H` → `1 day 4 hours`; anything that is not an ISO 8601 duration comes back as written. */
export function describeDuration(text: string): string {
  const match = /^P([^T]*)(?:T(.*))?$/.exec(text);
  if (!match) return text;
  const parts: string[] = [];
  const read = (part: string | undefined, units: [RegExp, string][]) => {
    for (const [pattern, unit] of units) {
      const n = part ? pattern.exec(part)?.[1] : undefined;
      if (n !== undefined) parts.push(`${n} ${unit}${n === "1" ? "" : "s"}`);
    }
  };
  read(match[1], durationUnits);
  read(match[2], timeUnits);
  return parts.length > 0 ? parts.join(" ") : text;
}

export function describeDue(due: DueRule | undefined): string {
  if (!due) return "no due date";
  if (due.type === "endOfDay") return due.days === 0 ? "end of the same day" : `end of the day + ${due.days} day${due.days === 1 ? "" : "s"}`;
  if (due.type === "duration") return describeDuration(due.duration);
  return `the result of ${due.expression}`;
}

export function describeEscalations(levels: EscalationLevel[] | undefined): string {
  if (!levels || levels.length === 0) return "none";
  return levels
    .map((l) => `${l.action}${l.to ? ` ${describeAssignment(l.to)}` : ""} after ${describeDuration(l.after)}`)
    .join("; ");
}

export function describeOutputs(outputs: OutputMapping[] | undefined): string {
  if (!outputs) return "every field to a variable of its name";
  if (outputs.length === 0) return "none";
  return outputs.map((m) => `${m.from} → ${m.to}`).join(", ");
}

/** Short JSON for a setting without words of its own. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "not set";
  if (typeof value === "string") return value;
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** The words an analyst sees on the canvas, lower case to go inside a sentence. */
export function kindWord(kind: Step["kind"]): string {
  return lowerFirst(kindNouns[kind]);
}

/** `task "Call back"`; a step without a name is named by its id. */
export function stepWords(step: { id: string; name: string; kind: Step["kind"] }): string {
  return `${kindWord(step.kind)} "${step.name.trim() || step.id}"`;
}
