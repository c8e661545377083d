import { fieldKeySchema, formFields, type Field, type FieldType, type FormDefinition } from "@baton/model";

/** Properties every field type has; the rest belong to one type and go when the type changes. */
const common = new Set(["id", "type", "key", "label", "help", "placeholder", "required", "readOnly", "visibleIf", "requiredIf"]);
const choiceTypes = new Set<string>(["select", "radio", "multiSelect", "checkboxes"]);

export function isChoice(type: FieldType): boolean {
  return choiceTypes.has(type);
}

/**
 * The `field.update` changes that turn a field into another type, dropping
 * what no longer applies and giving what the new type requires a first
 * value (options stay when going from one kind of choice to another).
 */
export function changeTypeTo(field: Field, type: FieldType): Record<string, unknown> {
  const changes: Record<string, unknown> = { type };
  const keepOptions = isChoice(field.type) && isChoice(type);
  for (const key of Object.keys(field)) {
    if (common.has(key) || (keepOptions && key === "options")) continue;
    changes[key] = undefined;
  }
  if (isChoice(type) && !keepOptions) changes.options = [];
  if (type === "currency") changes.currency = "EUR";
  if (type === "table") changes.columns = [];
  return changes;
}

/** A new field for a form: "New field", with the first free key `field1`, `field2`… */
export function newField(form: FormDefinition | undefined): Field {
  const fields = formFields(form);
  const keys = new Set(fields.map((f) => f.key));
  const ids = new Set(fields.map((f) => f.id));
  let n = 1;
  while (keys.has(`field${n}`) || ids.has(`f-field${n}`)) n++;
  return { id: `f-field${n}`, type: "text", key: `field${n}`, label: "New field", required: false };
}

/** Why a key cannot be used (spelling, or another field of the form has it); null when fine. */
export function keyProblem(form: FormDefinition | undefined, fieldId: string, key: string): string | null {
  const parsed = fieldKeySchema.safeParse(key);
  if (!parsed.success) return "Use letters, digits and _, starting with a letter (e.g. customerName).";
  if (formFields(form).some((f) => f.id !== fieldId && f.key === key)) return `Another field of this form already uses “${key}”.`;
  return null;
}

/** A variable-safe key from a label: "Client name" → "clientName". */
export function keyFromLabel(label: string): string {
  const words = label
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join("");
  return /^[A-Za-z]/.test(key) ? key : `f${key}`;
}
