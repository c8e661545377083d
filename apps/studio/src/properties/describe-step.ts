import type { Assignment, DueRule, EscalationLevel, FieldType, Step, StepKind } from "@baton/model";
import type { Directory } from "../api/studio-types.ts";

/**
 * Human words for the parts of a step, as an analyst would say them. Used by
 * the canvas (short forms) and the properties panel (long forms). Pure.
 */

const kindLabels: Record<StepKind, string> = {
  start: "Start",
  userTask: "User task",
  exclusiveGateway: "Decision (one path)",
  parallelGateway: "Parallel (all paths)",
  inclusiveGateway: "Inclusive (every path that holds)",
  subProcess: "Sub-process",
  end: "End",
  approval: "Approval",
  timer: "Wait",
  notify: "Notify",
  serviceCall: "Service call",
  callActivity: "Call another process",
  boundaryEvent: "Event on a step",
  messageCatch: "Wait for a message",
  eventBasedGateway: "First event wins",
};

export function stepKindLabel(kind: StepKind): string {
  return kindLabels[kind];
}

/** The name to show; steps may be unnamed (gateways often are). */
export function stepDisplayName(step: Pick<Step, "name" | "kind" | "id">): string {
  return step.name.trim() || `${kindLabels[step.kind]} (${step.id})`;
}

export type AssignmentText = { type: Assignment["type"]; short: string; long: string };

function groupLong(group: string, strategy: Extract<Assignment, { type: "group" }>["strategy"]): string {
  if (strategy === "roundRobin") return `Each member of ${group} in turn`;
  if (strategy === "leastLoaded") return `The member of ${group} with the fewest open tasks`;
  return `Anyone in ${group} can claim it`;
}

export function describeAssignment(assignment: Assignment, directory?: Directory): AssignmentText {
  switch (assignment.type) {
    case "user": {
      const name = directory?.users.find((u) => u.username === assignment.user)?.displayName;
      return {
        type: "user",
        short: name ?? assignment.user,
        long: name ? `${name} (${assignment.user})` : `User ${assignment.user}`,
      };
    }
    case "group": {
      const name = directory?.groups.find((g) => g.key === assignment.group)?.name;
      return {
        type: "group",
        short: name ?? assignment.group,
        long: groupLong(name ? `${name} (${assignment.group})` : `group ${assignment.group}`, assignment.strategy),
      };
    }
    case "expression":
      return {
        type: "expression",
        short: assignment.expression,
        long: `The user named by the expression ${assignment.expression}`,
      };
  }
}

type DurationParts = { years: number; months: number; weeks: number; days: number; hours: number; minutes: number; seconds: number };

const durationPattern =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Reads an ISO 8601 duration such as `PT4H` or `P1DT12H`; null when it is not one. */
export function parseIsoDuration(text: string): DurationParts | null {
  const m = durationPattern.exec(text.trim());
  if (!m || text.trim() === "P" || text.trim().endsWith("T")) return null;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

const unitNames: [keyof DurationParts, string][] = [
  ["years", "year"],
  ["months", "month"],
  ["weeks", "week"],
  ["days", "day"],
  ["hours", "hour"],
  ["minutes", "minute"],
  ["seconds", "second"],
];

/** `P1DT12H` → "1 day and 12 hours"; not a duration → null. */
export function describeDuration(text: string): string | null {
  const parts = parseIsoDuration(text);
  if (!parts) return null;
  const words = unitNames
    .filter(([unit]) => parts[unit] > 0)
    .map(([unit, name]) => `${parts[unit]} ${name}${parts[unit] === 1 ? "" : "s"}`);
  if (words.length === 0) return "no time at all";
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** `short` sits next to a clock icon on the canvas card, so it leaves out "due". */
export type DueText = { short: string; long: string };

export function describeDue(rule: DueRule | undefined): DueText {
  if (!rule) return { short: "No due date", long: "No due date" };
  switch (rule.type) {
    case "endOfDay":
      if (rule.days === 0) return { short: "Today", long: "By the end of the day the task is created" };
      return {
        short: `${rule.days} day${rule.days === 1 ? "" : "s"}`,
        long: `By the end of the day, ${rule.days} day${rule.days === 1 ? "" : "s"} after the task is created`,
      };
    case "duration": {
      const words = describeDuration(rule.duration);
      if (!words) return { short: "Invalid", long: `"${rule.duration}" is not a valid duration (e.g. PT4H or P2D)` };
      return { short: words, long: `Within ${words} of the task being created` };
    }
    case "expression":
      return { short: "By rule", long: `When the expression ${rule.expression} says` };
  }
}

// Partial on purpose: the model's field types grow (form designer work); a
// type without words here shows by its name rather than failing the build.
const fieldTypeLabels: Partial<Record<FieldType, string>> = {
  text: "Text",
  longText: "Long text",
  number: "Number",
  date: "Date",
  select: "Choice",
  yesNo: "Yes / no",
  email: "E-mail",
  phone: "Phone",
  currency: "Amount of money",
  percent: "Percentage",
  dateTime: "Date and time",
  url: "Web address",
  radio: "Choice (buttons)",
  multiSelect: "Several choices",
  checkboxes: "Checkboxes",
  user: "User",
  group: "Group",
  table: "Table",
  attachment: "Files",
};

export function fieldTypeLabel(type: FieldType): string {
  return fieldTypeLabels[type] ?? type;
}

/** "At the due date", "1 day after the due date". */
export function describeAfter(after: string): string {
  const words = describeDuration(after);
  if (words === null) return `"${after}" after the due date`;
  return words === "no time at all" ? "At the due date" : `${words[0]!.toUpperCase()}${words.slice(1)} after the due date`;
}

const escalationVerbs = { remind: "a reminder", notify: "an alert to", reassign: "handed to" } as const;

/** A task's escalation levels in one line, for the card's tooltip: "At the due date: a reminder; 1 day after the due date: handed to Managers". */
export function describeEscalations(levels: readonly EscalationLevel[], directory?: Directory): string {
  return levels
    .map((l) => {
      const to = l.action !== "remind" && l.to ? ` ${describeAssignment(l.to, directory).short}` : "";
      return `${describeAfter(l.after)}: ${escalationVerbs[l.action]}${to}`;
    })
    .join("; ");
}
