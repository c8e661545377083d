import { formRules, resolveFormRules } from "@baton/forms";
import type { CompiledForm } from "@baton/model";
import { invalidInput } from "./errors.ts";

/**
 * What a form draft (a task's or a start form's) may hold. A draft is not
 * schema-checked (a half-filled form is the point), but it must be an object
 * of field values, bounded in size, and it never keeps the value of a field
 * the form's rules hide: the same `resolveFormRules` the browser and the
 * server validator use decide which ones, over the draft and `variables`.
 */
export const MAX_DRAFT_BYTES = 256 * 1024;

export function draftData(
  form: CompiledForm | undefined,
  input: unknown,
  what: string,
  variables: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalidInput(`${what} must be an object of field values, not ${input === null ? "null" : Array.isArray(input) ? "a list" : typeof input}.`);
  }
  const size = JSON.stringify(input).length;
  if (size > MAX_DRAFT_BYTES) {
    throw invalidInput(`${what} may hold at most ${MAX_DRAFT_BYTES / 1024} KB; this one has ${Math.ceil(size / 1024)} KB.`);
  }
  const data = input as Record<string, unknown>;
  const rules = form ? formRules(form.schema) : [];
  return rules.length > 0 ? resolveFormRules(rules, data, variables).data : data;
}
