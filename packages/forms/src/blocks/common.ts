import type { Field } from "@baton/model";
import type { JsonSchema, UiSchema } from "../block-spec.ts";

/**
 * What every field shares: the label as `title`, `readOnly`, the default,
 * and help/placeholder in the uiSchema. Each block adds its type and rules
 * around these. Keys appear only when set, so compiled forms stay small and
 * tests can compare them exactly.
 */
export function baseSchema(field: Field, typeAndRules: JsonSchema): JsonSchema {
  return {
    title: field.label,
    ...typeAndRules,
    ...(field.readOnly ? { readOnly: true } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
  };
}

export function baseUi(field: Field, extra: UiSchema = {}): UiSchema {
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
