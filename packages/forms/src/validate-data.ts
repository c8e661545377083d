import type { CompiledForm } from "@baton/model";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { describeSchemaError, type FieldError, schemaAt } from "./field-error-message.ts";
import { formRules } from "./rules/form-rules.ts";
import { resolveFormRules, type RuleResolution } from "./rules/resolve-rules.ts";

export type FormDataResult =
  | {
      ok: true;
      /** The data to store: as submitted, without the values of hidden fields. */
      data: Record<string, unknown>;
      /** Fields the rules hid (their values, if any were sent, are not in `data`). */
      hidden: string[];
    }
  | { ok: false; fieldErrors: FieldError[] };

export type FormDataOptions = {
  /**
   * The instance's variables: rules read them (form data wins) and choices
   * take their options from them. A start form has none.
   */
  variables?: Readonly<Record<string, unknown>>;
};

export type FormValidator = {
  /** Checks submitted data against a compiled form; never throws for bad data. */
  validate(compiled: CompiledForm, data: unknown, options?: FormDataOptions): FormDataResult;
};

/**
 * Server-side check of submitted form data: the same rules the browser
 * applies, so nothing the browser would refuse gets in by calling the API
 * directly.
 *
 * 1. The form's rules (`rules/`) decide which fields are hidden, required
 *    or offered which options, over the variables and the data.
 * 2. Values of hidden fields are dropped: a hidden field is never stored,
 *    and is not required.
 * 3. ajv checks the rest against the form's JSON Schema; fields the rules
 *    make required must have a value ("" and [] are no value), and a
 *    choice from a variable must be one of its options.
 *
 * Compiling a schema costs far more than running it, so compiled validators
 * are cached: by object identity first, then by the schema's canonical JSON
 * (a package read from the database is a new object with the same content).
 * The content cache is bounded; an evicted schema is also removed from ajv,
 * whose own cache is keyed by object and would otherwise grow.
 *
 * ajv runs with `allErrors` (report every field at once), `strict: false`
 * (compiled schemas carry `errorMessage` and `x-baton`, which are not JSON
 * Schema keywords), rjsf's `multipleOfPrecision` (so both sides agree that
 * 0.07 is a multiple of 0.01), no coercion and no defaults: the data is
 * checked, never changed.
 */
export function createFormValidator(options: { cacheSize?: number } = {}): FormValidator {
  const cacheSize = options.cacheSize ?? 500;
  const ajv = new Ajv({ allErrors: true, strict: false, removeAdditional: false, useDefaults: false, multipleOfPrecision: 8 });
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
    validate(form, data, { variables = {} } = {}) {
      const fn = compiled(form.schema);
      const rules = formRules(form.schema);
      if (rules.length === 0 || !isPlainObject(data)) {
        if (fn(data)) return { ok: true, data: data as Record<string, unknown>, hidden: [] };
        return { ok: false, fieldErrors: fieldErrors(form.schema, fn.errors ?? [], [], data) };
      }
      const resolution = resolveFormRules(rules, data, variables);
      const errors: SchemaErrorInput[] = fn(resolution.data) ? [] : [...(fn.errors ?? [])];
      for (const key of resolution.required) {
        if (isEmpty(resolution.data[key])) {
          errors.push({ keyword: "required", instancePath: "", params: { missingProperty: key }, schemaPath: "#/x-baton" });
        }
      }
      const optionErrors = choiceErrors(form.schema, resolution);
      if (errors.length === 0 && optionErrors.length === 0) {
        return { ok: true, data: resolution.data, hidden: [...resolution.hidden] };
      }
      return { ok: false, fieldErrors: fieldErrors(form.schema, errors, optionErrors, resolution.data) };
    },
  };
}

const shared = createFormValidator();

/** `createFormValidator().validate` on one validator shared by the process. */
export function validateFormData(compiled: CompiledForm, data: unknown, options?: FormDataOptions): FormDataResult {
  return shared.validate(compiled, data, options);
}

/** No answer: missing, null, blank text or an empty list. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** A choice from a variable must be one of the options the variable holds now. */
function choiceErrors(schema: object, resolution: RuleResolution): FieldError[] {
  const out: FieldError[] = [];
  for (const [key, options] of resolution.options) {
    const value = resolution.data[key];
    if (value === undefined) continue;
    const values = new Set(options.map((o) => o.value));
    const given = Array.isArray(value) ? value : [value];
    if (given.every((v) => typeof v === "string" && values.has(v))) continue;
    const title = String(schemaAt(schema, `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`)?.title ?? key);
    out.push({
      path: `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
      message:
        options.length === 0
          ? `${title} has no options to choose from.`
          : `${title} must be one of: ${options.map((o) => o.label).join(", ")}.`,
    });
  }
  return out;
}

/** Which error wins when one field breaks several rules: the most basic. */
const precedence = ["required", "additionalProperties", "type"];

/** One readable error per field, in the form's field order. */
function fieldErrors(schema: object, errors: readonly SchemaErrorInput[], extra: FieldError[], data: unknown): FieldError[] {
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
  for (const error of extra) if (!byPath.has(error.path)) byPath.set(error.path, error);
  const order = Object.keys((schema as { properties?: object }).properties ?? {});
  const position = (path: string) => {
    const i = order.indexOf(path.split("/")[1] ?? "");
    return path === "" ? -1 : i === -1 ? order.length : i;
  };
  return [...byPath.values()].sort((a, b) => position(a.path) - position(b.path));
}

type SchemaErrorInput = { keyword: string; instancePath: string; params: object; schemaPath: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

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
