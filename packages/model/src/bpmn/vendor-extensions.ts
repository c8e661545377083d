import { child, children, type ModdleElement } from "./moddle.ts";

/**
 * Reading Camunda 7 / Zeebe (Camunda 8) settings by namespace URI, never by
 * prefix: files bind `camunda:` to the old Activiti URI too, and any prefix
 * may be used. Vendor attributes arrive in `$attrs` under the prefix the
 * file chose, so the prefix is resolved through the `xmlns:` declarations
 * of the element and its ancestors; vendor extension elements arrive as
 * generic elements whose descriptor already names their namespace URI.
 */
export const CAMUNDA_NAMESPACES = ["http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn"] as const;
export const ZEEBE_NAMESPACES = ["http://camunda.org/schema/zeebe/1.0"] as const;
/** Namespaces whose settings change how a process runs (not colours or tool metadata). */
const EXECUTION_NAMESPACES: readonly string[] = [...CAMUNDA_NAMESPACES, ...ZEEBE_NAMESPACES, "http://flowable.org/bpmn"];

export type VendorSetting = { namespace: string; localName: string; qualifiedName: string };

function namespaceOfPrefix(el: ModdleElement, prefix: string): string | undefined {
  for (let at: ModdleElement | undefined = el; at; at = at.$parent) {
    const uri = at.$attrs?.[`xmlns:${prefix}`];
    if (uri) return uri;
  }
  return undefined;
}

/** Attributes of `el` in a foreign namespace, with that namespace resolved. */
export function vendorAttributes(el: ModdleElement): (VendorSetting & { value: string })[] {
  const out: (VendorSetting & { value: string })[] = [];
  for (const [qualifiedName, value] of Object.entries(el.$attrs ?? {})) {
    const colon = qualifiedName.indexOf(":");
    if (colon < 0 || qualifiedName.startsWith("xmlns")) continue;
    const namespace = namespaceOfPrefix(el, qualifiedName.slice(0, colon));
    if (namespace) out.push({ namespace, localName: qualifiedName.slice(colon + 1), qualifiedName, value });
  }
  return out;
}

export function vendorAttribute(el: ModdleElement, namespaces: readonly string[], localName: string): string | undefined {
  return vendorAttributes(el).find((a) => a.localName === localName && namespaces.includes(a.namespace))?.value;
}

export function extensionElements(el: ModdleElement): ModdleElement[] {
  return children(child(el, "extensionElements"), "values");
}

export function namespaceOf(ext: ModdleElement): string | undefined {
  return ext.$descriptor?.ns.uri;
}

export function localNameOf(ext: ModdleElement): string {
  return ext.$descriptor?.ns.localName ?? ext.$type.slice(ext.$type.indexOf(":") + 1);
}

/** The first extension element of that namespace and local name. */
export function findExtension(el: ModdleElement, namespaces: readonly string[], localName: string): ModdleElement | undefined {
  return extensionElements(el).find((e) => localNameOf(e) === localName && namespaces.includes(namespaceOf(e) ?? ""));
}

/** Child elements of a generic (vendor) element. */
export function genericChildren(ext: ModdleElement | undefined, localName?: string): ModdleElement[] {
  return children(ext, "$children").filter((c) => localName === undefined || localNameOf(c) === localName);
}

/**
 * Vendor execution settings on `el` that the import did not use, as
 * qualified names (`camunda:formKey`, `zeebe:ioMapping`): they are listed in
 * the report, because dropping them changes how the process would run.
 */
export function unusedVendorSettings(el: ModdleElement, used: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const a of vendorAttributes(el)) {
    if (EXECUTION_NAMESPACES.includes(a.namespace) && !used.has(a.localName)) names.add(a.qualifiedName);
  }
  for (const ext of extensionElements(el)) {
    const ns = namespaceOf(ext);
    if (ns && EXECUTION_NAMESPACES.includes(ns) && !used.has(localNameOf(ext))) names.add(ext.$type);
  }
  return [...names];
}
