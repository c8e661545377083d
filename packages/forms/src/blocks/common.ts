import type { ChoiceField, Field, SelectOption } from "@baton/model";
import type { JsonSchema, UiSchema } from "../block-spec.ts";

/** A field as far as the shared parts go: table columns are fields without rules. */
type AnyField = Pick<Field, "label" | "readOnly" | "help" | "placeholder"> & { default?: unknown };

/**
 * What every field shares: the label as `title`, `readOnly`, the default,
 * and help/placeholder in the uiSchema. Each block adds its type and rules
 * around these. Keys appear only when set, so compiled forms stay small and
 * tests can compare them exactly.
 */
export function baseSchema(field: AnyField, typeAndRules: JsonSchema): JsonSchema {
  return {
    title: field.label,
    ...typeAndRules,
    ...(field.readOnly ? { readOnly: true } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
  };
}

export function baseUi(field: AnyField, extra: UiSchema = {}): UiSchema {
  return {
    ...extra,
    ...(field.help ? { "ui:help": field.help } : {}),
    ...(field.placeholder ? { "ui:placeholder": field.placeholder } : {}),
  };
}

/** A required text must not be empty: the browser would submit "" otherwise. */
export function minLengthOf(required: boolean, minLength: number | undefined): JsonSchema {
  const min = Math.max(minLength ?? 0, required ? 1 : 0);
  return min > 0 ? { minLength: min } : {};
}

/** `minimum`/`maximum` when set. */
export function boundsOf(field: { minimum?: number; maximum?: number }): JsonSchema {
  return {
    ...(field.minimum !== undefined ? { minimum: field.minimum } : {}),
    ...(field.maximum !== undefined ? { maximum: field.maximum } : {}),
  };
}

/**
 * One value from a list: `oneOf` with `const` + `title` keeps each option's
 * label next to its value. JSON Schema forbids an empty `oneOf`, so a list
 * without options accepts no value. Options taken from a variable are not
 * known when publishing: the schema says "text" and the rules (see
 * `rules/`) check the value against the variable when the form is used.
 */
export function oneOfOptions(options: readonly SelectOption[]): JsonSchema {
  return options.length > 0 ? { oneOf: options.map((o) => ({ const: o.value, title: o.label })) } : { not: {} };
}

export function singleChoiceSchema(field: ChoiceField): JsonSchema {
  return { type: "string", ...(field.optionsFrom ? {} : oneOfOptions(field.options)) };
}

/** Several values from a list, each at most once; a required list needs one. */
export function multiChoiceSchema(field: ChoiceField): JsonSchema {
  return {
    type: "array",
    items: { type: "string", ...(field.optionsFrom ? {} : oneOfOptions(field.options)) },
    uniqueItems: true,
    ...(field.required ? { minItems: 1 } : {}),
  };
}

/** Two example options for a fresh choice block. */
export const EXAMPLE_OPTIONS: SelectOption[] = [
  { value: "option1", label: "Option 1" },
  { value: "option2", label: "Option 2" },
];
