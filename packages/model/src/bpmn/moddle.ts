/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleElement } from "bpmn-moddle";

export type { ModdleElement };

/**
 * Baton's BPMN extension namespace. Each exported element carries the
 * Baton-only part of its step (forms, assignment, due rule, outputs…) as
 * JSON in a `<baton:properties>` extension element. Tools that do not know
 * the namespace keep unknown extension elements as they are (bpmn-js and
 * Camunda Modeler read them generically and write them back), so a file
 * edited elsewhere comes back with its Baton data.
 */
export const BATON_BPMN_NAMESPACE = "https://baton.dev/schema/bpmn/1.0";

const batonPackage = {
  name: "Baton",
  uri: BATON_BPMN_NAMESPACE,
  prefix: "baton",
  xml: { tagAlias: "lowerCase" },
  associations: [],
  enumerations: [],
  types: [{ name: "Properties", superClass: ["Element"], properties: [{ name: "body", type: "String", isBody: true }] }],
};

let shared: BpmnModdle | undefined;

/** One moddle for reading and writing, created on first use. Vendor
 * namespaces (Camunda, Zeebe) are deliberately NOT registered: a partial
 * descriptor makes moddle drop every vendor element it does not describe,
 * whereas unregistered ones are kept as generic elements we can inspect. */
export function batonModdle(): BpmnModdle {
  shared ??= new BpmnModdle({ baton: batonPackage });
  return shared;
}

/** A property that holds text, or undefined. */
export function text(el: ModdleElement | undefined, property: string): string | undefined {
  const value = el?.[property];
  return typeof value === "string" ? value : undefined;
}

/** A property that holds one element, or undefined. */
export function child(el: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = el?.[property];
  return isElement(value) ? value : undefined;
}

/** A property that holds a list of elements (missing = empty). */
export function children(el: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = el?.[property];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

export function isElement(value: unknown): value is ModdleElement {
  return typeof value === "object" && value !== null && typeof (value as { $type?: unknown }).$type === "string";
}

/** True when the element is of (or derives from) the BPMN type. */
export function isA(el: ModdleElement | undefined, type: string): boolean {
  return !!el && (el.$instanceOf ? el.$instanceOf(type) : el.$type === type);
}
