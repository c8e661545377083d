import { type FieldError, validateFormData } from "@baton/forms";
import type { CompiledForm } from "@baton/model";
import { invalidInput, UserError } from "./errors.ts";

/**
 * Server-side check of form data against the published form's JSON Schema
 * and rules. The browser validates too, but only this decides. A step
 * without a form accepts only an empty object. `variables` are the
 * instance's (a start form has none): the form's rules read them.
 */
export function checkFormData(
  form: CompiledForm | undefined,
  input: unknown,
  where: string,
  variables: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const data = input ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw invalidInput(`The data for ${where} must be an object of field values, not ${Array.isArray(data) ? "a list" : typeof data}.`);
  }
  if (!form) {
    if (Object.keys(data).length > 0) throw invalidInput(`${capitalise(where)} has no form, so it takes no data.`);
    return {};
  }
  const result = validateFormData(form, data, { variables });
  if (result.ok) return withReadOnlyValues(form, result.data, result.hidden);
  throw invalidData(where, result.fieldErrors);
}

/** The error for data the server refuses, naming the first field and counting the others. */
export function invalidData(where: string, fieldErrors: FieldError[]): UserError {
  const first = fieldErrors[0]!;
  return new UserError(
    "INVALID_DATA",
    `Some fields of ${where} need attention: ${first.message}${fieldErrors.length > 1 ? ` (and ${fieldErrors.length - 1} more)` : ""}`,
    { fieldErrors },
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * JSON Schema's `readOnly` is only a hint to the browser: a participant could
 * still send a changed value. The server keeps read-only fields at their
 * designed default (or leaves them out when there is none); a field the
 * form's rules hid stays out either way.
 */
function withReadOnlyValues(form: CompiledForm, data: Record<string, unknown>, hidden: readonly string[]): Record<string, unknown> {
  const properties = (form.schema.properties ?? {}) as Record<string, { readOnly?: boolean; default?: unknown }>;
  const out = { ...data };
  for (const [key, property] of Object.entries(properties)) {
    if (!property.readOnly || hidden.includes(key)) continue;
    if ("default" in property) out[key] = property.default;
    else delete out[key];
  }
  return out;
}
