import { isFileList } from "@baton/forms";

/**
 * Words for a request's protocol and data, for people who never see the
 * event names or variable keys: "Completed Call back the prospect",
 * "callNotes" → "Call notes". Pure.
 */
export type HistoryEvent = { type: string; actor: string | null; taskId: string | null; data?: unknown };

/** Display names by user name and group names by key (the request's `names`). */
export type DirectoryNames = { people: Record<string, string>; groups: Record<string, string> };
const NO_NAMES: DirectoryNames = { people: {}, groups: {} };

/**
 * `calledNames`: the called instances' process names by instance id, for "Passed ... on to Assess damage";
 * `directory`: how people and groups are called, for "assigned to Sam Sales" rather than "sam".
 */
export function describeEvent(
  event: HistoryEvent,
  taskNames: Map<string, string>,
  calledNames: Map<string, string> = new Map(),
  directory: DirectoryNames = NO_NAMES,
): string | null {
  const task = event.taskId ? taskNames.get(event.taskId) : undefined;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const person = (username: unknown) => (typeof username === "string" ? (directory.people[username] ?? username) : undefined);
  const group = (key: unknown) => (typeof key === "string" ? (directory.groups[key] ?? key) : undefined);
  switch (event.type) {
    case "instance.started":
      return "Started the request";
    case "task.created":
      return `${String(data.name ?? task ?? "A task")} was assigned to ${person(data.assignee) ?? (data.candidateGroup ? `the ${group(data.candidateGroup)} group` : "nobody yet")}`;
    case "task.claimed":
      return `Took ${task ?? "a task"}`;
    case "task.unclaimed":
      return `Gave ${task ?? "a task"} back to its group`;
    case "task.assigned":
      return `${task ?? "A task"} went to ${person(data.assignee) ?? "a member"}${data.strategy === "leastLoaded" ? ", the least busy" : data.strategy === "roundRobin" ? ", next in turn" : ""}`;
    case "task.reassigned": {
      const to = (data.to ?? {}) as { assignee?: string | null; candidateGroup?: string | null };
      const whom = person(to.assignee) ?? (to.candidateGroup ? `the ${group(to.candidateGroup)} queue` : "someone else");
      return `Handed ${task ?? "a task"} to ${whom}${typeof data.note === "string" && data.note ? `: “${data.note}”` : ""}`;
    }
    case "task.completed":
      return `Completed ${task ?? "a task"}`;
    case "task.cancelled":
      return `${task ?? "A task"} was cancelled${typeof data.reason === "string" && data.reason ? `: ${data.reason}` : ""}`;
    case "boundary.triggered": {
      const error = data.error as { code?: unknown } | undefined;
      const what = error ? `The error “${String(error.code)}” was caught` : "The time was up";
      return `${what}: ${String(data.name ?? data.stepId ?? "an event")}${data.interrupting === false ? " (the work goes on)" : ""}`;
    }
    case "decision.taken":
      // The way it went, in the analyst's words; the condition only when the process names no way.
      if (typeof data.way === "string" && data.way) return `${typeof data.decision === "string" && data.decision ? data.decision : "Decided"}: ${data.way}`;
      return typeof data.reason === "string" ? `Decided: ${data.reason}` : "A decision was taken";
    case "incident.raised":
      return `Stopped: ${String(data.message ?? "something needs an administrator")}`;
    case "instance.completed":
      return "The request was completed";
    case "instance.cancelled":
      return `The request was cancelled${typeof data.reason === "string" && data.reason ? `: ${data.reason}` : ""}`;
    case "instance.migrated":
      return `Moved from version ${String(data.from ?? "?")} to version ${String(data.to ?? "?")} of the process; the work goes on where it was`;
    case "child.started": {
      const called = typeof data.childInstanceId === "string" ? calledNames.get(data.childInstanceId) : undefined;
      return called ? `Passed a part of the work on to “${called}”` : `Passed a part of the work on to another request${typeof data.processKey === "string" ? ` (${data.processKey})` : ""}`;
    }
    case "child.cancelled":
      return `The work passed on was cancelled${typeof data.reason === "string" && data.reason ? `: ${data.reason}` : ""}`;
    default:
      return null; // bookkeeping (e.g. variables changed) is not shown
  }
}

/** "callAgainOn" → "Call again on"; "shippingAddress" → "Shipping address". */
export function humanizeKey(key: string): string {
  const words = key.replace(/_/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type FieldLabel = { label: string; options?: Record<string, string>; format?: string };

/**
 * A variable's value as text: the option's label for choices (one or a list
 * of them), yes/no for booleans, one line per row for a table's rows, JSON
 * for other structures.
 */
export function formatValue(value: unknown, field?: FieldLabel, directory: DirectoryNames = NO_NAMES): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string" && field?.format === "user") return directory.people[value] ?? value;
  if (typeof value === "string" && field?.format === "group") return directory.groups[value] ?? value;
  if (typeof value === "string" && field?.options?.[value]) return field.options[value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    return value.length ? value.map((v) => field?.options?.[v] ?? v).join(", ") : "—";
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (isFileList(value)) return value.map((f) => f.name).join(", ");
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return value.length === 0 ? "—" : value.map((v) => formatValue(v, field)).join(", ");
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null && !Array.isArray(v))) {
    return value
      .map((row) => Object.entries(row as Record<string, unknown>).map(([k, v]) => `${humanizeKey(k)}: ${formatValue(v)}`).join(", "))
      .join("\n");
  }
  const approval = approvalText(value);
  if (approval) return approval;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

type ApprovalVote = { by: string; decision: "approve" | "reject"; comment?: string };

/**
 * An approval step's result (`{ outcome, approvals, rejections, votes }`,
 * engine types.ts) in words: "Approved (2 for, 1 against). ann approved: “Solid income”; bo rejected".
 * Null for anything else.
 */
function approvalText(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { outcome, approvals, rejections, votes } = value as Record<string, unknown>;
  if (!Array.isArray(votes) || typeof approvals !== "number" || typeof rejections !== "number") return null;
  if (!votes.every((v): v is ApprovalVote => typeof v === "object" && v !== null && typeof v.by === "string" && (v.decision === "approve" || v.decision === "reject"))) return null;
  const state = outcome === "approved" ? "Approved" : outcome === "rejected" ? "Rejected" : "Still voting";
  const each = votes.map((v) => `${v.by} ${v.decision === "approve" ? "approved" : "rejected"}${v.comment ? `: “${v.comment}”` : ""}`);
  return `${state} (${approvals} for, ${rejections} against)${each.length ? `. ${each.join("; ")}` : ""}`;
}
