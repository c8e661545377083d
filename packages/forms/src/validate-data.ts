import type { CompiledForm } from "@baton/model";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { describeSchemaError, type FieldError } from "./field-error-message.ts";

export type FormDataResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; fieldErrors: FieldError[] };

export type FormValidator = {
  /** Checks submitted data against a compiled form; never throws for bad data. */
  validate(compiled: CompiledForm, data: unknown): FormDataResult;
};

/**
 * Server-side check of submitted form data against the form's JSON Schema:
 * the same rules rjsf applies in the browser, so nothing the browser would
 * refuse gets in by calling the API directly.
 *
 * Compiling a schema costs far more than running it, so compiled validators
 * are cached: by object identity first, then by the schema's canonical JSON
 * (a package read from the database is a new object with the same content).
 * The content cache is bounded; an evicted schema is also removed from ajv,
 * whose own cache is keyed by object and would otherwise grow.
 *
 * ajv runs with `allErrors` (report every field at once), `strict: false`
 * (compiled schemas carry `errorMessage`, which is not a JSON Schema
 * keyword), no coercion and no defaults: the data is checked, never changed.
 */
export function createFormValidator(options: { cacheSize?: number } = {}): FormValidator {
  const cacheSize = options.cacheSize ?? 500;
  const ajv = new Ajv({ allErrors: true, strict: false, removeAdditional: false, useDefaults: false });
  addFormats(ajv);
  const byIdentity = new WeakMap<object, ValidateFunction>();
  const byContent = new Map<string, { schema: object; fn: ValidateFunction }>();

  const compiled = (schema: object): ValidateFunction => {
    const known = byIdentity.get(schema);
    if (known) return known;
    const key = canonicalJson(schema);
    let entry = byContent.get(key);
    if (entry) {
      byContent.delete(key); // re-insert: Map order is our least-recently-used order
    } else {
      entry = { schema, fn: ajv.compile(schema) };
      const oldest = byContent.size >= cacheSize ? byContent.entries().next().value : undefined;
      if (oldest) {
        byContent.delete(oldest[0]);
        ajv.removeSchema(oldest[1].schema);
      }
    }
    byContent.set(key, entry);
    byIdentity.set(schema, entry.fn);
    return entry.fn;
  };

  return {
    validate(form, data) {
      const fn = compiled(form.schema);
      if (fn(data)) return { ok: true, data: data as Record<string, unknown> };
      return { ok: false, fieldErrors: fieldErrors(form.schema, fn.errors ?? [], data) };
    },
  };
}

const shared = createFormValidator();

/** `createFormValidator().validate` on one validator shared by the process. */
export function validateFormData(compiled: CompiledForm, data: unknown): FormDataResult {
  return shared.validate(compiled, data);
}

/** Which error wins when one field breaks several rules: the most basic. */
const precedence = ["required", "additionalProperties", "type"];

/** One readable error per field, in the form's field order. */
function fieldErrors(schema: object, errors: readonly SchemaErrorInput[], data: unknown): FieldError[] {
  const rank = (keyword: string) => {
    const i = precedence.indexOf(keyword);
    return i === -1 ? precedence.length : i;
  };
  const sorted = [...errors].sort((a, b) => rank(a.keyword) - rank(b.keyword));
  const byPath = new Map<string, FieldError>();
  for (const error of sorted) {
    const described = describeSchemaError(schema, { ...error, params: { ...error.params } }, data);
    if (described && !byPath.has(described.path)) byPath.set(described.path, described);
  }
  const order = Object.keys((schema as { properties?: object }).properties ?? {});
  const position = (path: string) => {
    const i = order.indexOf(path.split("/")[1] ?? "");
    return path === "" ? -1 : i === -1 ? order.length : i;
  };
  return [...byPath.values()].sort((a, b) => position(a.path) - position(b.path));
}

type SchemaErrorInput = { keyword: string; instancePath: string; params: object; schemaPath: string };

/** JSON with object keys sorted, so equal schemas give equal cache keys. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
