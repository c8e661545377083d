import { type Field, type FormDefinition, formDefinitionSchema, formFields } from "@baton/model";
import fc from "fast-check";

/**
 * fast-check generators for the property tests of the compiler and the
 * server validator: random form trees (every block type, nested sections
 * and columns, visible-if and required-if), random data and variables.
 *
 * Rules are drawn from a small FEEL grammar whose meaning the tests know
 * independently of feelin (`holds`), so "no hidden value is stored" and
 * "no required value is missing" can be checked against an oracle. A rule
 * reads only fields earlier in the form (or variables), as an analyst's
 * rules do; circular rules are covered by an example test.
 */
export type Condition =
  | { kind: "eqText"; ref: string; value: string }
  | { kind: "eqBool"; ref: string; value: boolean }
  | { kind: "notNull"; ref: string }
  | { kind: "gt"; ref: string; value: number }
  | { kind: "and" | "or"; a: Condition; b: Condition };

export function feelOf(c: Condition): string {
  switch (c.kind) {
    case "eqText":
      return `${c.ref} = "${c.value}"`;
    case "eqBool":
      return `${c.ref} = ${c.value}`;
    case "notNull":
      return `${c.ref} != null`;
    case "gt":
      return `${c.ref} > ${c.value}`;
    default:
      return `(${feelOf(c.a)}) ${c.kind} (${feelOf(c.b)})`;
  }
}

/**
 * What the condition means, written without feelin: true or false where
 * FEEL is clear, undefined where the value's type makes the comparison one
 * FEEL leaves to the implementation (feelin reads `"5" > 0` and `["a"] = "a"`
 * as true), so the oracle asserts nothing there.
 */
export function holds(c: Condition, scope: Record<string, unknown>): boolean | undefined {
  if (c.kind === "and" || c.kind === "or") {
    const a = holds(c.a, scope);
    const b = holds(c.b, scope);
    if (c.kind === "and") return a === false || b === false ? false : a === true && b === true ? true : undefined;
    return a === true || b === true ? true : a === false && b === false ? false : undefined;
  }
  const simple = c as Exclude<Condition, { kind: "and" | "or" }>;
  const v = Object.hasOwn(scope, simple.ref) ? scope[simple.ref] : undefined;
  if (v === undefined || v === null) return false;
  switch (simple.kind) {
    case "eqText":
      return typeof v === "string" ? v === simple.value : undefined;
    case "eqBool":
      return typeof v === "boolean" ? v === simple.value : undefined;
    case "notNull":
      return true;
    case "gt":
      return typeof v === "number" ? v > simple.value : undefined;
  }
}

export type GeneratedForm = {
  form: FormDefinition;
  /** Each rule's FEEL text and what it means. */
  conditions: Map<string, Condition>;
};

const OPTION_VALUES = ["a", "b", "c", "d"];
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const options = fc.subarray(OPTION_VALUES, { minLength: 1 }).map((vs) => vs.map((v) => ({ value: v, label: v.toUpperCase() })));
const choiceProps = fc.oneof(
  fc.record({ options }),
  fc.constant({ optionsFrom: "__variable__" }), // replaced by a per-field variable name
);

const columnTypes = ["text", "number", "currency", "percent", "date", "email", "select", "yesNo"] as const;
const fieldTypes = [
  ...columnTypes, "longText", "phone", "url", "dateTime", "radio", "multiSelect", "checkboxes", "user", "group", "table", "attachment",
] as const;

function propsOf(type: (typeof fieldTypes)[number]): fc.Arbitrary<Record<string, unknown>> {
  const bounds = fc.record({ minimum: optional(fc.integer({ min: -5, max: 50 })), maximum: optional(fc.integer({ min: 0, max: 5000 })) });
  switch (type) {
    case "text":
      return fc.record({
        minLength: optional(fc.nat(4)),
        maxLength: optional(fc.integer({ min: 1, max: 12 })),
        pattern: optional(fc.constantFrom("^[A-Z]+$", "^\\d{3}$", "^.*$", "[a-z]")),
        patternMessage: optional(fc.constant("Use the expected format.")),
      });
    case "longText":
      return fc.record({ minLength: optional(fc.nat(4)), maxLength: optional(fc.integer({ min: 1, max: 40 })) });
    case "number":
      return fc.tuple(bounds, fc.record({ integer: optional(fc.boolean()) })).map(([a, b]) => ({ ...a, ...b }));
    case "currency":
      return fc.tuple(bounds, fc.constantFrom("EUR", "JPY", "BHD")).map(([a, currency]) => ({ ...a, currency }));
    case "percent":
      return bounds;
    case "select":
    case "radio":
    case "multiSelect":
    case "checkboxes":
      return choiceProps;
    case "table":
      return fc
        .record({
          columns: fc.uniqueArray(fc.constantFrom(...columnTypes), { minLength: 1, maxLength: 3 }),
          minRows: optional(fc.nat(2)),
          maxRows: optional(fc.integer({ min: 1, max: 4 })),
        })
        .chain(({ columns, ...rest }) =>
          fc.tuple(...columns.map((t) => fc.tuple(fc.constant(t), propsOf(t), fc.boolean()))).map((cols) => ({
            ...rest,
            columns: cols.map(([t, p, required], i) => ({
              id: "",
              key: `c${i}`,
              type: t,
              label: `Column ${i}`,
              required,
              ...(p.optionsFrom ? { options: [{ value: "a", label: "A" }] } : p),
            })),
            totalOf: cols.find(([t]) => t === "number" || t === "currency" || t === "percent") ? `c${cols.findIndex(([t]) => t === "number" || t === "currency" || t === "percent")}` : undefined,
          })),
        );
    case "attachment":
      return fc.record({
        maxSizeMb: fc.constantFrom(0.5, 1, 10),
        multiple: fc.boolean(),
        accept: optional(fc.constantFrom(["application/pdf"], ["image/*", ".pdf"])),
      });
    default:
      return fc.constant({});
  }
}

type Skeleton =
  | { t: "field"; type: (typeof fieldTypes)[number]; props: Record<string, unknown>; required: boolean }
  | { t: "section"; children: Skeleton[] }
  | { t: "columns"; columns: Skeleton[][] }
  | { t: "staticText" }
  | { t: "display" };

const field: fc.Arbitrary<Skeleton> = fc
  .constantFrom(...fieldTypes)
  .chain((type) => fc.record({ props: propsOf(type), required: fc.boolean() }).map((r) => ({ t: "field" as const, type, ...r })));

const { blocks } = fc.letrec<{ blocks: Skeleton[]; block: Skeleton }>((tie) => ({
  blocks: fc.array(tie("block"), { maxLength: 5 }),
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: field, weight: 6 },
    { arbitrary: tie("blocks").map((children) => ({ t: "section" as const, children })), weight: 1 },
    { arbitrary: fc.array(tie("blocks"), { minLength: 1, maxLength: 3 }).map((columns) => ({ t: "columns" as const, columns })), weight: 1 },
    { arbitrary: fc.constant({ t: "staticText" as const }), weight: 1 },
    { arbitrary: fc.constant({ t: "display" as const }), weight: 1 },
  ),
}));

/** How a rule is drawn: which earlier field it reads (by index) and what it compares. */
type RuleSpec = { shape: Condition["kind"]; ref: number; ref2: number; text: string; bool: boolean; num: number } | null;
const ruleSpec: fc.Arbitrary<RuleSpec> = fc.option(
  fc.record({
    shape: fc.constantFrom("eqText", "eqBool", "notNull", "gt", "and", "or"),
    ref: fc.nat(),
    ref2: fc.nat(),
    text: fc.constantFrom(...OPTION_VALUES, "ABC"),
    bool: fc.boolean(),
    num: fc.integer({ min: -1, max: 100 }),
  }),
  { freq: 2 },
);

export const generatedForm: fc.Arbitrary<GeneratedForm> = fc
  .tuple(blocks, fc.array(fc.tuple(ruleSpec, ruleSpec), { minLength: 80, maxLength: 80 }))
  .map(([skeleton, specs]) => build(skeleton, specs));

function build(skeleton: Skeleton[], specs: [RuleSpec, RuleSpec][]): GeneratedForm {
  const conditions = new Map<string, Condition>();
  const earlier: string[] = [];
  let n = 0;
  const condition = (spec: RuleSpec): string | undefined => {
    if (!spec) return undefined;
    const pick = (i: number) => (earlier.length === 0 || i % 4 === 3 ? `v${i % 3}` : earlier[i % earlier.length]!);
    const simple = (shape: Condition["kind"], ref: string): Condition =>
      shape === "eqText" ? { kind: "eqText", ref, value: spec.text } : shape === "eqBool" ? { kind: "eqBool", ref, value: spec.bool } : shape === "gt" ? { kind: "gt", ref, value: spec.num } : { kind: "notNull", ref };
    const c: Condition =
      spec.shape === "and" || spec.shape === "or"
        ? { kind: spec.shape, a: simple("eqText", pick(spec.ref)), b: simple("notNull", pick(spec.ref2)) }
        : simple(spec.shape, pick(spec.ref));
    conditions.set(feelOf(c), c);
    return feelOf(c);
  };
  const convert = (s: Skeleton): Record<string, unknown> => {
    const i = n++;
    const [visible, required] = specs[i % specs.length] ?? [null, null];
    const visibleIf = condition(visible);
    const common = { id: `b${i}`, ...(visibleIf ? { visibleIf } : {}) };
    switch (s.t) {
      case "section":
        return { ...common, type: "section", title: `Section ${i}`, children: s.children.map(convert) };
      case "columns":
        return { ...common, type: "columns", columns: s.columns.map((c) => ({ children: c.map(convert) })) };
      case "staticText":
        return { ...common, type: "staticText", text: `Text ${i}` };
      case "display":
        return { ...common, type: "display", label: `Display ${i}`, variable: `v${i % 3}` };
      case "field": {
        const key = `k${i}`;
        const requiredIf = condition(required);
        const props = s.props.optionsFrom ? { optionsFrom: { variable: `opts_${key}` } } : s.props;
        const columns = Array.isArray(props.columns) ? (props.columns as Record<string, unknown>[]).map((c, j) => ({ ...c, id: `b${i}c${j}` })) : undefined;
        earlier.push(key);
        return {
          ...common,
          type: s.type,
          key,
          label: `Field ${i}`,
          required: s.required,
          ...(requiredIf ? { requiredIf } : {}),
          ...props,
          ...(columns ? { columns } : {}),
        };
      }
    }
  };
  const form = formDefinitionSchema.parse({ schemaVersion: 1, blocks: skeleton.map(convert) });
  return { form, conditions };
}

/** A value for a field: mostly one that fits, sometimes one that does not, now and then any JSON. */
function valueFor(f: Pick<Field, "type"> & Record<string, unknown>): fc.Arbitrary<unknown> {
  const values = Array.isArray(f.options) && f.options.length > 0 ? (f.options as { value: string }[]).map((o) => o.value) : OPTION_VALUES;
  const [good, bad] = ((): [fc.Arbitrary<unknown>, fc.Arbitrary<unknown>] => {
    switch (f.type) {
      case "number":
      case "currency":
      case "percent":
        return [fc.integer({ min: 45, max: 50 }), fc.constantFrom(0.07, 1.5, 20000.001, -10, 1e7)];
      case "date":
        return [fc.constant("2024-02-29"), fc.constantFrom("2023-02-29", "2024-13-01", "")];
      case "dateTime":
        return [fc.constantFrom("2024-05-01T08:30:00.000Z", "2024-05-01T10:30:00+02:00"), fc.constant("2024-05-01T10:30")];
      case "email":
        return [fc.constant("ada@example.com"), fc.constantFrom("ada@", "")];
      case "phone":
        return [fc.constant("+49 30 1234567"), fc.constantFrom("12", "")];
      case "url":
        return [fc.constant("https://example.com/x"), fc.constantFrom("javascript:alert(1)", "")];
      case "select":
      case "radio":
        return [fc.constantFrom(...values), fc.constantFrom("zz", "")];
      case "multiSelect":
      case "checkboxes":
        return [fc.subarray(values, { minLength: 1 }), fc.constantFrom([], ["zz"], ["a", "a"])];
      case "yesNo":
        return [fc.boolean(), fc.constantFrom("yes", 1)];
      case "table": {
        const columns = (f.columns ?? []) as Field[];
        const row = fc.record(Object.fromEntries(columns.map((c) => [c.key, valueFor(c as Field & Record<string, unknown>)])));
        return [fc.array(row, { minLength: 1, maxLength: 3 }), fc.constantFrom([], [{}], [{ unknown: 1 }])];
      }
      case "attachment": {
        const file = fc.record({
          id: fc.uuid({ version: 4 }),
          name: fc.constantFrom("payslip.pdf", "scan 1.png"),
          size: fc.constantFrom(0, 1024, 600_000, 5_000_000),
          contentType: fc.constantFrom("application/pdf", "image/png"),
        });
        const bad = fc.constantFrom([{ id: "not-a-uuid", name: "x", size: 1, contentType: "a/b" }], [{ name: "x.pdf" }], { id: "x" }, [null]);
        return [fc.array(file, { minLength: 1, maxLength: 2 }), bad];
      }
      default:
        return [fc.constantFrom("ABC", "123", "abc"), fc.constantFrom("", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 7)];
    }
  })();
  return fc.oneof({ arbitrary: good, weight: 14 }, { arbitrary: bad, weight: 2 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 });
}

/** Data for a form: most fields answered, now and then a key the form does not have. */
export function formData(form: FormDefinition): fc.Arbitrary<Record<string, unknown>> {
  const fields = formFields(form);
  const model = Object.fromEntries(fields.map((f) => [f.key, fc.option(valueFor(f as Field & Record<string, unknown>), { nil: undefined, freq: 5 })]));
  return fc.tuple(fc.record(model), fc.oneof({ arbitrary: fc.constant({}), weight: 12 }, { arbitrary: fc.constant({ stranger: 1 }), weight: 1 })).map(([data, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) if (v !== undefined) out[k] = v;
    return { ...out, ...extra };
  });
}

/** Variables: the ones rules read (`v0`..`v2`), option lists, and some sharing a field's key. */
export function variables(form: FormDefinition): fc.Arbitrary<Record<string, unknown>> {
  const keys = formFields(form).map((f) => f.key);
  const model: Record<string, fc.Arbitrary<unknown>> = {
    v0: fc.constantFrom("a", "b", true, 3),
    v1: fc.integer({ min: -1, max: 100 }),
    v2: fc.boolean(),
  };
  for (const key of keys) {
    model[`opts_${key}`] = fc.subarray(OPTION_VALUES);
    if (key.endsWith("1")) model[key] = fc.constantFrom("a", 42, true);
  }
  return fc.record(model, { requiredKeys: [] });
}
