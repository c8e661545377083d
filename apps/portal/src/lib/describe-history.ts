/**
 * Words for a request's protocol and data, for people who never see the
 * event names or variable keys: "Completed Call back the prospect",
 * "callNotes" → "Call notes". Pure.
 */
export type HistoryEvent = { type: string; actor: string | null; taskId: string | null; data?: unknown };

export function describeEvent(event: HistoryEvent, taskNames: Map<string, string>): string | null {
  const task = event.taskId ? taskNames.get(event.taskId) : undefined;
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case "instance.started":
      return "Started the request";
    case "task.created":
      return `${String(data.name ?? task ?? "A task")} was assigned to ${String(data.assignee ?? (data.candidateGroup ? `the ${String(data.candidateGroup)} group` : "nobody yet"))}`;
    case "task.claimed":
      return `Took ${task ?? "a task"}`;
    case "task.unclaimed":
      return `Gave ${task ?? "a task"} back to its group`;
    case "task.completed":
      return `Completed ${task ?? "a task"}`;
    case "decision.taken":
      return typeof data.reason === "string" ? `Decided: ${data.reason}` : "A decision was taken";
    case "incident.raised":
      return `Stopped: ${String(data.message ?? "something needs an administrator")}`;
    case "instance.completed":
      return "The request was completed";
    default:
      return null; // bookkeeping (e.g. variables changed) is not shown
  }
}

/** "callAgainOn" → "Call again on"; "shippingAddress" → "Shipping address". */
export function humanizeKey(key: string): string {
  const words = key.replace(/_/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type FieldLabel = { label: string; options?: Record<string, string> };

/** A variable's value as text: the option's label for choices, yes/no for booleans, JSON for structures. */
export function formatValue(value: unknown, field?: FieldLabel): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string" && field?.options?.[value]) return field.options[value];
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
