import type { Connection, Step } from "../process-definition.ts";
import type { AspectChange, FormChange } from "./diff-types.ts";
import { describeAssignment, describeDue, describeEscalations, describeOutputs, describeValue, kindWord } from "./readable-values.ts";

/**
 * The aspects in which one step (same id in both versions) differs. Named
 * aspects get readable values; every other setting of the kind (a timer's
 * wait, a service call's request, a notification's text…) is compared as
 * data and listed by its property name. Position and size are layout, not
 * behaviour, and are left out.
 */
const LAYOUT_AND_NAMED = new Set([
  "id",
  "name",
  "kind",
  "position",
  "size",
  "parent",
  "assignment",
  "approvers",
  "recipients",
  "due",
  "escalations",
  "form",
  "outputs",
]);

const settingLabels: Record<string, string> = {
  description: "Description",
  starters: "Who may start",
  timer: "Wait",
  subject: "Subject",
  message: "Message",
  emailTo: "E-mail to",
  request: "Request",
  retries: "Retries",
  timeoutSeconds: "Time-out (seconds)",
  processKey: "Process called",
  inputs: "Inputs",
  several: "Several approvers",
  fourEyes: "Four eyes",
  resultVariable: "Result variable",
  attachedTo: "Attached to",
  trigger: "Trigger",
  interrupting: "Interrupting",
  error: "Error",
};

/** One side of the comparison: the step's outgoing connections and how that version names steps. */
export type StepSide = { step: Step; outgoing: Connection[]; nameOf: (id: string) => string };

export function stepChanges(sideA: StepSide, sideB: StepSide, form: FormChange | undefined): AspectChange[] {
  const { step: a } = sideA;
  const { step: b } = sideB;
  const changes: AspectChange[] = [];
  const add = (aspect: AspectChange["aspect"], label: string, before: string, after: string, same = before === after) => {
    if (!same) changes.push({ aspect, label, before, after });
  };
  add("name", "Name", a.name, b.name);
  add("kind", "Kind", kindWord(a.kind), kindWord(b.kind));
  add("place", "Inside", a.parent ? sideA.nameOf(a.parent) : "the process", b.parent ? sideB.nameOf(b.parent) : "the process", a.parent === b.parent);
  add("assignment", "Who does it", describeAssignment(whoOf(a)), describeAssignment(whoOf(b)));
  add("due", "Due", describeDue(field(a, "due")), describeDue(field(b, "due")));
  add("escalations", "Escalations", describeEscalations(field(a, "escalations")), describeEscalations(field(b, "escalations")));
  if (hasOutputs(a) || hasOutputs(b)) add("outputs", "Variables written", describeOutputs(field(a, "outputs")), describeOutputs(field(b, "outputs")));
  if (form) add("form", "Form", "", formSummary(form));
  else if (JSON.stringify(field(a, "form") ?? null) !== JSON.stringify(field(b, "form") ?? null)) add("form", "Form", "", "layout or wording changed");
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !LAYOUT_AND_NAMED.has(k)));
  for (const key of [...keys].sort()) {
    const before = describeValue((a as Record<string, unknown>)[key]);
    const after = describeValue((b as Record<string, unknown>)[key]);
    if (JSON.stringify((a as Record<string, unknown>)[key]) !== JSON.stringify((b as Record<string, unknown>)[key])) {
      changes.push({ aspect: "setting", label: settingLabels[key] ?? key, before, after });
    }
  }
  const idOnly = (id: string) => id;
  add(
    "conditions",
    "Conditions",
    conditionsOf(sideA.outgoing, sideA.nameOf),
    conditionsOf(sideB.outgoing, sideB.nameOf),
    conditionsOf(sideA.outgoing, idOnly) === conditionsOf(sideB.outgoing, idOnly),
  );
  add(
    "nextSteps",
    "Leads to",
    targetsOf(sideA.outgoing, sideA.nameOf),
    targetsOf(sideB.outgoing, sideB.nameOf),
    targetsOf(sideA.outgoing, idOnly) === targetsOf(sideB.outgoing, idOnly),
  );
  return changes;
}

function whoOf(step: Step) {
  if (step.kind === "userTask") return step.assignment;
  if (step.kind === "approval") return step.approvers;
  if (step.kind === "notify") return step.recipients;
  return undefined;
}

function field<K extends string>(step: Step, key: K): any {
  return (step as Record<string, unknown>)[key];
}

function hasOutputs(step: Step): boolean {
  return step.kind === "start" || step.kind === "userTask" || step.kind === "serviceCall" || step.kind === "callActivity";
}

function formSummary(form: FormChange): string {
  const parts: string[] = [];
  const count = (n: number, what: string) => n > 0 && parts.push(`${n} field${n === 1 ? "" : "s"} ${what}`);
  count(form.added.length, "added");
  count(form.removed.length, "removed");
  count(form.retyped.length, "retyped");
  count(form.requiredChanged.length, form.requiredChanged.length === 1 ? "changes whether it is required" : "change whether they are required");
  return parts.join(", ") || "layout or wording changed";
}

/** `"Converted": outcome = "converted"; otherwise → End "Lost"`, in connection id order so it compares. */
function conditionsOf(connections: Connection[], nameOf: (id: string) => string): string {
  const conditional = [...connections].filter((c) => c.condition?.trim() || c.isDefault).sort((x, y) => x.id.localeCompare(y.id));
  if (conditional.length === 0) return "none";
  return conditional.map((c) => (c.isDefault ? `otherwise → ${nameOf(c.target)}` : `${c.condition!.trim()} → ${nameOf(c.target)}`)).join("; ");
}

function targetsOf(connections: Connection[], nameOf: (id: string) => string): string {
  const names = [...new Set(connections.map((c) => nameOf(c.target)))].sort();
  return names.length > 0 ? names.join(", ") : "nothing";
}
