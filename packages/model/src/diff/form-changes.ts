import { formFields, type FormDefinition } from "../form-definition.ts";
import type { Step } from "../process-definition.ts";
import type { FieldRef, FormChange, StepRef } from "./diff-types.ts";

/**
 * The form fields of a step in both versions, matched by key (what the data
 * is stored under): added, removed, retyped, required switched on or off.
 * A table's columns count as fields `table.column`. Returns undefined when
 * no field changed in these ways.
 */
export function formChanges(ref: StepRef, a: Step, b: Step): FormChange | undefined {
  const before = fieldsByKey(formOf(a));
  const after = fieldsByKey(formOf(b));
  const change: FormChange = { step: ref, added: [], removed: [], retyped: [], requiredChanged: [] };
  for (const [key, field] of after) if (!before.has(key)) change.added.push(field);
  for (const [key, old] of before) {
    const field = after.get(key);
    if (!field) {
      change.removed.push(old);
      continue;
    }
    if (field.type !== old.type) change.retyped.push({ key, label: field.label, before: old.type, after: field.type });
    if (field.required !== old.required) change.requiredChanged.push({ key, label: field.label, before: old.required, after: field.required });
  }
  const any = change.added.length + change.removed.length + change.retyped.length + change.requiredChanged.length;
  return any > 0 ? change : undefined;
}

function formOf(step: Step): FormDefinition | undefined {
  return "form" in step ? step.form : undefined;
}

function fieldsByKey(form: FormDefinition | undefined): Map<string, FieldRef> {
  const out = new Map<string, FieldRef>();
  for (const field of formFields(form)) {
    out.set(field.key, { key: field.key, label: field.label, type: field.type, required: field.required ?? false });
    if (field.type === "table") {
      for (const column of field.columns) {
        const key = `${field.key}.${column.key}`;
        out.set(key, { key, label: `${field.label} › ${column.label}`, type: column.type, required: column.required ?? false });
      }
    }
  }
  return out;
}
