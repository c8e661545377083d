import type { Field, FormDefinition } from "../form-definition.ts";
import { text, type ModdleElement } from "./moddle.ts";
import { CAMUNDA_NAMESPACES, findExtension, genericChildren } from "./vendor-extensions.ts";

/**
 * Camunda 7 "generated task forms" (`<camunda:formData>` with
 * `<camunda:formField>`s) become a Baton form: string → text, long →
 * whole number, boolean → yes/no, date → date, enum → choice. The
 * `required` and `readonly` validation constraints carry over; other
 * constraints and custom field types are named in warnings.
 */
export function readCamundaForm(el: ModdleElement, label: string): { form?: FormDefinition; found: boolean; warnings: string[] } {
  const formData = findExtension(el, CAMUNDA_NAMESPACES, "formData");
  if (!formData) return { found: false, warnings: [] };
  const warnings: string[] = [];
  const keys = new Set<string>();
  const blocks: Field[] = [];
  for (const formField of genericChildren(formData, "formField")) {
    const field = toField(formField, `${label}, form field ${text(formField, "id") ?? "(no id)"}`, warnings);
    if (!field) continue;
    if (keys.has(field.key)) {
      warnings.push(`${label}: the form field "${field.key}" appears twice; the second was left out.`);
      continue;
    }
    keys.add(field.key);
    blocks.push(field);
  }
  return blocks.length > 0 ? { form: { schemaVersion: 1, blocks }, found: true, warnings } : { found: true, warnings };
}

function toField(formField: ModdleElement, where: string, warnings: string[]): Field | undefined {
  const rawKey = text(formField, "id")?.trim() ?? "";
  const key = rawKey.replace(/[^A-Za-z0-9_]/g, "_").replace(/^[^A-Za-z]+/, "");
  if (!key) {
    warnings.push(`${where}: the field has no usable key and was left out.`);
    return undefined;
  }
  if (key !== rawKey) warnings.push(`${where}: the key "${rawKey}" became "${key}" (letters, digits and _).`);
  const constraints = genericChildren(genericChildren(formField, "validation")[0], "constraint").map((c) => text(c, "name") ?? "");
  const base = {
    id: `f-${key}`,
    key,
    label: text(formField, "label")?.trim() || key,
    required: constraints.includes("required"),
    ...(constraints.includes("readonly") ? { readOnly: true } : {}),
  };
  const other = constraints.filter((c) => c !== "required" && c !== "readonly");
  if (other.length > 0) warnings.push(`${where}: the validation constraints ${other.join(", ")} were not imported.`);
  const fallback = text(formField, "defaultValue");
  const type = text(formField, "type") ?? "string";
  switch (type) {
    case "string":
      return { ...base, type: "text", ...(fallback !== undefined ? { default: fallback } : {}) };
    case "long": {
      const n = fallback === undefined ? undefined : Number(fallback);
      return { ...base, type: "number", integer: true, ...(n !== undefined && Number.isFinite(n) ? { default: n } : {}) };
    }
    case "boolean":
      return { ...base, type: "yesNo", ...(fallback === "true" || fallback === "false" ? { default: fallback === "true" } : {}) };
    case "date":
      return { ...base, type: "date" };
    case "enum": {
      const options = genericChildren(formField, "value")
        .map((v) => ({ value: text(v, "id") ?? "", label: text(v, "name") || text(v, "id") || "" }))
        .filter((o) => o.value !== "" && o.label !== "");
      return { ...base, type: "select", options, ...(fallback ? { default: fallback } : {}) };
    }
    default:
      warnings.push(`${where}: the field type "${type}" is not a Baton field type; it became a text field.`);
      return { ...base, type: "text" };
  }
}
