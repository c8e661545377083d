import type { Step, StepKind } from "../process-definition.ts";
import { readCamundaForm } from "./camunda-form.ts";
import { juelBody } from "./juel-to-feel.ts";
import { onlyEventDefinition, readErrorCode, readMessageName, readStartTrigger, readTimerDefinition } from "./event-definitions.ts";
import { withArticle } from "./unsupported-reasons.ts";
import { child, children, text, type ModdleElement } from "./moddle.ts";
import { toProcessKey } from "./process-key.ts";
import { readCallMappings } from "./vendor-call-mappings.ts";
import { ASSIGNMENT_SETTINGS, readVendorAssignment } from "./vendor-assignment.ts";
import { CAMUNDA_NAMESPACES, findExtension, vendorAttribute, ZEEBE_NAMESPACES } from "./vendor-extensions.ts";

/**
 * What the BPMN element itself says about a step of each kind, before the
 * Baton payload (if any) adds the Baton-only fields. Blank assignees and
 * URLs are a single space: the schema needs text there, and validation then
 * reports the step as "not assigned" so the analyst finishes it.
 */
export type Reading = {
  fields: Record<string, unknown>;
  warnings: string[];
  /** Parts of the element that could not be taken: listed as unsupported. */
  partial: { id?: string; type: string; reason: string }[];
  /** Vendor settings (local names) this reading used or already reported. */
  used: string[];
};

export const BLANK = " ";
const EMPTY_FORM = { schemaVersion: 1, blocks: [] };

export function readFields(kind: StepKind, el: ModdleElement, label: string, payloadFields: ReadonlySet<string>): Reading {
  const r: Reading = { fields: {}, warnings: [], partial: [], used: [] };
  switch (kind) {
    case "start":
      if (!payloadFields.has("form")) readForm(el, label, r, false);
      readEventDefinitions(el, "start", r, label);
      break;
    case "end":
      readEventDefinitions(el, "end", r, label);
      break;
    case "userTask":
      readTask(el, label, r, payloadFields);
      break;
    case "timer":
      r.fields.timer = readTimer(el, label, r);
      break;
    case "notify":
      r.fields = { recipients: { type: "group", group: BLANK }, subject: text(el, "name")?.trim() || "Notification", message: "" };
      if (!payloadFields.has("recipients")) r.warnings.push(`${label} is a send task; it became a notification: choose who receives it and what it says.`);
      break;
    case "serviceCall":
      readService(el, label, r, payloadFields.has("request"));
      break;
    case "callActivity":
      readCalledProcess(el, label, r);
      if (!payloadFields.has("inputs") && !payloadFields.has("outputs")) readCallMappings(el, label, r);
      break;
    case "boundaryEvent":
      readBoundary(el, label, r);
      break;
    case "messageCatch":
      readMessageCatch(el, label, r, payloadFields.has("message"));
      break;
    default:
      break;
  }
  return r;
}

function readTask(el: ModdleElement, label: string, r: Reading, payloadFields: ReadonlySet<string>): void {
  r.used.push(...ASSIGNMENT_SETTINGS);
  if (!payloadFields.has("form")) readForm(el, label, r, true);
  if (payloadFields.has("assignment") || payloadFields.has("approvers")) return;
  const vendor = readVendorAssignment(el, label);
  r.warnings.push(...vendor.warnings);
  r.fields.assignment = vendor.assignment ?? { type: "group", group: BLANK };
  for (const resource of children(el, "resources")) {
    const expression = text(child(child(resource, "resourceAssignmentExpression"), "expression"), "body")?.trim();
    r.warnings.push(`${label}: its ${resource.$type.replace(/^bpmn:/, "")} ${expression ? `"${expression}" ` : ""}was not mapped to an assignee.`);
  }
  if (vendor.assignment) return;
  if (el.$type === "bpmn:UserTask") r.warnings.push(`${label} has no assignee Baton can use: choose a user or group.`);
  else {
    const what = el.$type === "bpmn:ManualTask" ? "manual" : "plain";
    r.warnings.push(`${label} is a ${what} task in the file; it became a user task, which needs an assignee: choose a user or group.`);
  }
}

function readForm(el: ModdleElement, label: string, r: Reading, required: boolean): void {
  const camunda = readCamundaForm(el, label);
  if (camunda.found) r.used.push("formData");
  r.warnings.push(...camunda.warnings);
  if (camunda.form) r.fields.form = camunda.form;
  else if (required) r.fields.form = EMPTY_FORM;
}

/** A message or timer start becomes the start's trigger; other start events are taken as plain ones. An error end is one. */
function readEventDefinitions(el: ModdleElement, kind: "start" | "end", r: Reading, label: string): void {
  const defs = children(el, "eventDefinitions");
  if (kind === "end" && defs.length === 1 && defs[0]!.$type === "bpmn:ErrorEventDefinition") {
    const code = readErrorCode(defs[0]);
    r.fields.error = { code: code || BLANK, message: "" };
    if (!code) r.warnings.push(`${label} throws an error without a code; give it one, which the event catching it names.`);
    return;
  }
  const trigger = kind === "start" && defs.length === 1 ? readStartTrigger(defs[0]!, label) : undefined;
  if (trigger && "trigger" in trigger) {
    r.fields.trigger = trigger.trigger;
    if (trigger.trigger.type === "message" && trigger.trigger.message === BLANK) r.warnings.push(`${label} starts on a message without a name: name the message.`);
    return;
  }
  if (trigger) {
    r.partial.push({ id: text(defs[0], "id"), type: defs[0]!.$type, reason: `${trigger.refused}, so it was imported as a plain start` });
    return;
  }
  for (const def of defs) {
    const what = def.$type.replace(/^bpmn:/, "").replace(/EventDefinition$/, "").toLowerCase();
    const reason =
      kind === "start"
        ? `${withArticle(what)} start: Baton starts a process from its start form or the API, so it was imported as a plain start`
        : what === "terminate"
          ? "a terminate end stops every path at once; Baton's end finishes only its own path, so it was imported as a plain end"
          : `${withArticle(what)} end also throws ${withArticle(what)}; Baton has no ${what} events, so it was imported as a plain end`;
    r.partial.push({ id: text(def, "id"), type: def.$type, reason });
  }
}

/** A timer's wait; one Baton cannot read is listed and left blank for the analyst to set. */
function readTimer(el: ModdleElement, label: string, r: Reading, cycles = false): Record<string, unknown> {
  const def = children(el, "eventDefinitions")[0];
  const reading = readTimerDefinition(def, label, cycles);
  if (reading && "timer" in reading) return reading.timer;
  if (reading) r.partial.push({ id: text(def, "id"), type: "bpmn:TimerEventDefinition", reason: reading.refused });
  else r.warnings.push(`${label} is a timer without a duration or date: set one.`);
  return { type: "duration", duration: BLANK };
}

/**
 * A message wait (or a receive task, which waits the same way): the message's name from its `bpmn:Message`, the
 * correlation key from Zeebe's `<zeebe:subscription correlationKey="= …">`
 * where the file has one (Camunda 7 correlates in code, so there is none).
 */
function readMessageCatch(el: ModdleElement, label: string, r: Reading, saved: boolean): void {
  // A receive task names its message itself; a catch event through its event definition.
  const def = el.$type === "bpmn:ReceiveTask" ? el : children(el, "eventDefinitions")[0];
  if (el.$type === "bpmn:ReceiveTask") r.warnings.push(`${label} is a receive task: it was imported as a message wait, which waits for the same message.`);
  const name = readMessageName(def);
  const message = child(def, "messageRef");
  const subscription = message && findExtension(message, ZEEBE_NAMESPACES, "subscription");
  const key = (subscription?.$attrs?.correlationKey ?? text(subscription, "correlationKey"))?.trim().replace(/^=\s*/, "");
  const named = name !== undefined && !name.startsWith("=");
  if (name !== undefined && !named) r.warnings.push(`${label} waits for a message named by an expression (${name}); Baton's message wait names one message: name it.`);
  else if (name === undefined) r.warnings.push(`${label} waits for a message without a name: name the message.`);
  if (!key && !saved) r.warnings.push(`${label} has no correlation key in the file: give the expression that tells this instance's message from the others.`);
  r.fields.message = { name: named ? name : BLANK, ...(key ? { correlationKey: key } : {}) };
}

/** A timer or error event on an activity's border; which activity, the importer says. */
function readBoundary(el: ModdleElement, label: string, r: Reading): void {
  const def = onlyEventDefinition(el);
  r.fields.interrupting = el.cancelActivity !== false;
  if (def?.$type === "bpmn:ErrorEventDefinition") {
    const code = readErrorCode(def);
    r.fields.trigger = { type: "error", ...(code ? { errorCode: code } : {}) };
    return;
  }
  r.fields.trigger = { type: "timer", timer: readTimer(el, label, r, true) };
}

function readService(el: ModdleElement, label: string, r: Reading, hasRequest: boolean): void {
  r.fields = { request: { method: "POST", url: BLANK, headers: [] }, outputs: [], retries: 3, timeoutSeconds: 30 };
  const settings = ["class", "delegateExpression", "expression", "topic", "type"].flatMap((name) => {
    const value = vendorAttribute(el, CAMUNDA_NAMESPACES, name);
    return value ? [`camunda:${name}="${value}"`] : [];
  });
  const job = text(findExtension(el, ZEEBE_NAMESPACES, "taskDefinition"), "type");
  if (job) settings.push(`zeebe:taskDefinition type="${job}"`);
  r.used.push("class", "delegateExpression", "expression", "topic", "type", "taskDefinition");
  if (hasRequest) return;
  const how = settings.length > 0 ? `it was implemented by ${settings.join(", ")}, which Baton cannot run` : "the file does not say how it is called";
  r.warnings.push(`${label} became a service call: Baton calls HTTP services, and ${how}; set its request (method and URL).`);
}

function readCalledProcess(el: ModdleElement, label: string, r: Reading): void {
  const zeebe = findExtension(el, ZEEBE_NAMESPACES, "calledElement");
  const called = (text(el, "calledElement") ?? text(zeebe, "processId"))?.trim();
  r.used.push("calledElement");
  if (!called) return;
  if (called.startsWith("=") || juelBody(called) !== null || called.includes("${")) {
    r.partial.push({ type: el.$type, reason: `it calls a process chosen by an expression (${called}); Baton calls one named process` });
    return;
  }
  const key = toProcessKey(called);
  r.fields.processKey = key;
  if (key !== called) r.warnings.push(`${label} calls "${called}", which is the Baton process key "${key}".`);
}

/** Elements whose kind decides nothing alone: their reading may still refuse them. */
export function isRefused(r: Reading, kind: Step["kind"]): boolean {
  return kind === "callActivity" && r.fields.processKey === undefined;
}
