import type { Step, StepKind } from "../process-definition.ts";
import { batonModdle, type ModdleElement } from "./moddle.ts";
import { extensionElements } from "./vendor-extensions.ts";

/**
 * The Baton-only part of a step, process or connection: what standard BPMN
 * cannot say. A step's id, kind, name, description and position live in
 * BPMN itself (element id and type, name, documentation, diagram bounds), as
 * do a timer's definition, a call activity's called process, a boundary
 * event's host, trigger and interrupting, and an error end's code (its
 * message is in the payload); everything else (forms, assignment, due
 * rule, outputs, approval settings…) goes into the JSON payload. An approval is a BPMN user task whose payload says
 * `"kind": "approval"`.
 */
export type Payload = Record<string, unknown>;

const IN_BPMN: readonly string[] = ["id", "kind", "name", "description", "position"];
/** `parent` is the nesting in the file, a sub-process's `size` its shape's bounds. */
const IN_BPMN_BY_KIND: Partial<Record<StepKind, readonly string[]>> = {
  timer: ["timer"],
  start: ["trigger"],
  callActivity: ["processKey"],
  boundaryEvent: ["attachedTo", "trigger", "interrupting"],
  subProcess: ["size"],
};

/** `nested`: the step lies in a sub-process's flowElements in the file, which says its `parent`. */
export function stepPayload(step: Step, nested: boolean): Payload {
  const skip = new Set([...IN_BPMN, ...(IN_BPMN_BY_KIND[step.kind] ?? [])]);
  if (nested) skip.add("parent");
  const payload: Payload = step.kind === "approval" ? { kind: "approval" } : {};
  for (const [key, value] of Object.entries(step)) if (!skip.has(key) && value !== undefined) payload[key] = value;
  // BPMN has no place for the variable a caught error goes to.
  if (step.kind === "boundaryEvent" && step.trigger.type === "error" && step.trigger.errorVariable) payload.errorVariable = step.trigger.errorVariable;
  return payload;
}

/** `<bpmn:extensionElements>` holding the payload, or undefined when it is empty. */
export function payloadExtension(payload: Payload): ModdleElement | undefined {
  if (Object.keys(payload).length === 0) return undefined;
  const moddle = batonModdle();
  const properties = moddle.create("baton:Properties", { body: JSON.stringify(payload) });
  return moddle.create("bpmn:ExtensionElements", { values: [properties] });
}

export type PayloadReading = { payload?: Payload; problem?: string };

/** The element's Baton payload, if it has one that parses as a JSON object. */
export function readPayload(el: ModdleElement): PayloadReading {
  // Read with Baton's moddle, the namespace is registered: whatever prefix the
  // file uses, the element arrives as `baton:Properties`.
  const ext = extensionElements(el).find((e) => e.$type === "baton:Properties");
  if (!ext) return {};
  const body = typeof ext.body === "string" ? ext.body : "";
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return { payload: value as Payload };
    return { problem: "its Baton data is not a JSON object" };
  } catch (error) {
    return { problem: `its Baton data is not valid JSON (${(error as Error).message})` };
  }
}
