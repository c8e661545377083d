import { stepSchema, type Step, type StepKind } from "../process-definition.ts";
import { readPayload, type Payload } from "./baton-payload.ts";
import { describeElement, elementName, listUnsupported, type ImportContext } from "./import-report.ts";
import { onlyEventDefinition } from "./event-definitions.ts";
import { child, children, isA, text, type ModdleElement } from "./moddle.ts";
import { STEP_ID, type StepIds } from "./process-key.ts";
import { BLANK, isRefused, readFields } from "./step-readers.ts";
import { unsupportedReason } from "./unsupported-reasons.ts";
import { unusedVendorSettings } from "./vendor-extensions.ts";

/**
 * One flow node of the file as a Baton step, or nothing (then listed as
 * unsupported with its reason). The BPMN element gives the kind, id, name,
 * description and what standard BPMN or a vendor extension says; a Baton
 * payload, when present, gives the Baton-only fields and wins over vendor
 * mappings. A payload that no longer fits (edited by hand elsewhere) is set
 * aside with a warning rather than failing the import.
 */
export function importFlowNode(el: ModdleElement, ctx: ImportContext, ids: StepIds, nameOf: (id: string) => string, placedOn?: string): Step | undefined {
  const { payload, problem } = readPayload(el);
  const label = describeElement(el);
  if (problem) ctx.warnings.push(`${label}: ${problem}; it was ignored.`);
  const kind = kindOf(el, payload);
  if (!kind) {
    listUnsupported(ctx, el, unsupportedReason(el, nameOf));
    return undefined;
  }
  const own = payloadFields(payload);
  const reading = readFields(kind, el, label, new Set(Object.keys(own)));
  if (isRefused(reading, kind)) {
    listUnsupported(ctx, el, reading.partial[0]?.reason ?? unsupportedReason(el, nameOf));
    return undefined;
  }
  const fileId = text(el, "id") ?? "";
  const batonId = typeof payload?.batonId === "string" && STEP_ID.test(payload.batonId) ? payload.batonId : undefined;
  const id = batonId !== undefined ? ids.keep(batonId) : ids.allocate(fileId);
  const description = children(el, "documentation")
    .map((d) => text(d, "text") ?? "")
    .filter((t) => t.trim() !== "")
    .join("\n\n");
  const standard = { id, kind, name: elementName(el), position: { x: 0, y: 0 }, ...(description ? { description } : {}), ...(placedOn !== undefined ? { attachedTo: placedOn } : {}) };
  const fromBpmn = { ...reading.fields };
  const built = (withPayload: boolean) => stepSchema.safeParse({ ...(withPayload ? { ...fromBpmn, ...own } : fromBpmn), ...standard, ...carried(kind, fromBpmn, own) });
  let parsed = built(true);
  if (!parsed.success && Object.keys(own).length > 0) {
    ctx.warnings.push(`${label}: its Baton data does not fit a ${kind} step (${issueText(parsed.error.issues[0])}); it was read without it.`);
    parsed = built(false);
  }
  if (!parsed.success) {
    listUnsupported(ctx, el, `its settings could not be read as a Baton ${kind} step (${issueText(parsed.error.issues[0])})`);
    return undefined;
  }

  ctx.covered.add(el);
  ctx.imported.push({ id: fileId, type: el.$type, name: standard.name, kind, ...(id !== fileId ? { stepId: id } : {}) });
  if (id !== fileId && !batonId) ctx.warnings.push(`${label}: the id "${fileId}" became "${id}" (Baton step ids use letters, digits, _, - and .).`);
  ctx.warnings.push(...reading.warnings);
  for (const part of reading.partial) ctx.unsupported.push({ id: part.id ?? fileId, type: part.type, reason: part.reason });
  listParts(el, ctx, label);
  const unused = unusedVendorSettings(el, new Set(reading.used));
  if (unused.length > 0) {
    ctx.warnings.push(`${label}: ${unused.join(", ")} ${unused.length === 1 ? "was" : "were"} not imported (settings of another engine with no Baton equivalent).`);
  }
  return parsed.data;
}

const TYPE_KINDS: Record<string, StepKind> = {
  "bpmn:StartEvent": "start",
  "bpmn:EndEvent": "end",
  "bpmn:UserTask": "userTask",
  "bpmn:Task": "userTask",
  "bpmn:ManualTask": "userTask",
  "bpmn:ExclusiveGateway": "exclusiveGateway",
  "bpmn:ParallelGateway": "parallelGateway",
  "bpmn:InclusiveGateway": "inclusiveGateway",
  "bpmn:EventBasedGateway": "eventBasedGateway",
  "bpmn:SubProcess": "subProcess",
  "bpmn:SendTask": "notify",
  "bpmn:ServiceTask": "serviceCall",
  "bpmn:CallActivity": "callActivity",
};

function kindOf(el: ModdleElement, payload: Payload | undefined): StepKind | undefined {
  if (el.isForCompensation === true) return undefined;
  if (el.$type === "bpmn:BoundaryEvent") {
    const def = onlyEventDefinition(el);
    return def && (def.$type === "bpmn:TimerEventDefinition" || def.$type === "bpmn:ErrorEventDefinition") ? "boundaryEvent" : undefined;
  }
  // A receive task waits for its message like a message wait does; one that starts the process does not.
  if (el.$type === "bpmn:ReceiveTask") return el.instantiate === true ? undefined : "messageCatch";
  if (el.$type === "bpmn:IntermediateCatchEvent") {
    const defs = children(el, "eventDefinitions");
    if (defs.length !== 1) return undefined;
    return defs[0]!.$type === "bpmn:TimerEventDefinition" ? "timer" : defs[0]!.$type === "bpmn:MessageEventDefinition" ? "messageCatch" : undefined;
  }
  // One that starts the process (instantiate) is a start of its own: not Baton's gateway.
  if (el.$type === "bpmn:EventBasedGateway" && (el.instantiate === true || el.eventGatewayType === "Parallel")) return undefined;
  // An event sub-process runs on an event, not along connections: not Baton's sub-process.
  if (el.$type === "bpmn:SubProcess" && el.triggeredByEvent === true) return undefined;
  const kind = TYPE_KINDS[el.$type];
  return kind === "userTask" && el.$type === "bpmn:UserTask" && payload?.kind === "approval" ? "approval" : kind;
}

/** The payload's step fields: not its markers, never the standard ones. */
function payloadFields(payload: Payload | undefined): Payload {
  const { kind: _kind, batonId: _id, id: _i, name: _n, description: _d, position: _p, attachedTo: _a, size: _s, ...rest } = payload ?? {};
  return rest;
}

/**
 * Fields standard BPMN carries, which win over a stale payload, with what
 * the payload adds to them: a caught error's variable, an error end's message.
 */
function carried(kind: StepKind, fromBpmn: Record<string, unknown>, own: Payload): Record<string, unknown> {
  if (kind === "timer") return { timer: fromBpmn.timer };
  if (kind === "start" && fromBpmn.trigger) return { trigger: fromBpmn.trigger };
  if (kind === "messageCatch") {
    // The name is the file's; the key too when the file has one (Zeebe), else the payload's.
    const inFile = fromBpmn.message as { name: string; correlationKey?: string };
    const saved = (own.message as { correlationKey?: unknown } | undefined)?.correlationKey;
    return { message: { name: inFile.name, correlationKey: inFile.correlationKey ?? (typeof saved === "string" ? saved : BLANK) } };
  }
  if (kind === "callActivity") return { processKey: fromBpmn.processKey };
  if (kind === "boundaryEvent") {
    const trigger = fromBpmn.trigger as { type: string };
    const errorVariable = trigger.type === "error" && typeof own.errorVariable === "string" ? { errorVariable: own.errorVariable } : {};
    return { trigger: { ...trigger, ...errorVariable }, interrupting: fromBpmn.interrupting };
  }
  if (kind === "end") {
    const thrown = fromBpmn.error as { code: string } | undefined;
    const message = (own.error as { message?: unknown } | undefined)?.message;
    return thrown ? { error: { code: thrown.code, message: typeof message === "string" ? message : "" } } : {};
  }
  return {};
}

/** Parts of an imported activity that Baton leaves out: loops, data links, compensation. */
function listParts(el: ModdleElement, ctx: ImportContext, label: string): void {
  const loop = child(el, "loopCharacteristics");
  if (loop) {
    const what = isA(loop, "bpmn:MultiInstanceLoopCharacteristics") ? `runs once per item (${loop.isSequential === true ? "in turn" : "in parallel"})` : "repeats in a loop";
    ctx.unsupported.push({
      id: text(loop, "id") ?? (text(el, "id") as string),
      type: loop.$type,
      reason: `${label} ${what}; Baton runs it once (an approval step can ask several approvers)`,
    });
    ctx.covered.add(loop);
  }
  for (const association of [...children(el, "dataInputAssociations"), ...children(el, "dataOutputAssociations")]) {
    listUnsupported(ctx, association, `a data association of ${label}; Baton keeps data in process variables, filled by forms`);
  }
}

function issueText(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return "unknown reason";
  return issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message;
}
