/**
 * The rules of a compiled form, carried in its JSON Schema under the
 * extension keyword `x-baton` (ajv and rjsf ignore unknown keywords), so a
 * published package alone is enough to enforce them on the server.
 *
 * One entry per field that has any rule, in form order:
 * - `visibleIf`: FEEL conditions that must all yield true for the field to
 *   be shown: its own and those of the sections/columns around it;
 * - `required`: required whenever shown (a required field that can be
 *   hidden cannot sit in the schema's static `required` list);
 * - `requiredIf`: FEEL; required when shown and it yields true;
 * - `optionsFrom`: the variable (path) its options come from.
 */
export const RULES_KEY = "x-baton";

export type FieldRule = {
  key: string;
  visibleIf?: string[];
  required?: true;
  requiredIf?: string;
  optionsFrom?: string;
};

export type CompiledRules = { rules: FieldRule[] };

const none: FieldRule[] = [];
const checked = new WeakMap<object, readonly FieldRule[]>();

/** The rules of a compiled form (none when it has no `x-baton`). Misuse, not data, throws. */
export function formRules(schema: Record<string, unknown>): readonly FieldRule[] {
  const known = checked.get(schema);
  if (known) return known;
  const extension = schema[RULES_KEY];
  if (extension === undefined) return none;
  const rules = (extension as Partial<CompiledRules> | null)?.rules;
  if (!Array.isArray(rules) || !rules.every(isRule)) {
    throw new Error(`The compiled form's "${RULES_KEY}" is not a list of field rules; recompile the form.`);
  }
  checked.set(schema, rules);
  return rules;
}

function isRule(value: unknown): value is FieldRule {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.key === "string" &&
    (r.visibleIf === undefined || (Array.isArray(r.visibleIf) && r.visibleIf.every((v) => typeof v === "string"))) &&
    (r.required === undefined || r.required === true) &&
    (r.requiredIf === undefined || typeof r.requiredIf === "string") &&
    (r.optionsFrom === undefined || typeof r.optionsFrom === "string")
  );
}
