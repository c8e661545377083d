/**
 * A 200-field form (every field type, sections and columns, 30 visible-if
 * and 10 required-if rules, a repeating table, options from a variable):
 * how long compiling it takes (publishing does it once per form), and how
 * long the server takes to validate a submission (every completion does it;
 * the aim is under 5 ms). Submissions vary as they would: every one has
 * new numbers and texts (so rules over them are evaluated afresh), while
 * yes/no answers and choices repeat (and their rules' verdicts are reused).
 * Run: pnpm bench   (BENCH_RUNS=N to change the number of validations)
 */
import { type FormDefinition, formDefinitionSchema } from "@baton/model";
import { compileForm } from "../src/compile-form.ts";
import { formRules } from "../src/rules/form-rules.ts";
import { resolveFormRules } from "../src/rules/resolve-rules.ts";
import { validateFormData } from "../src/validate-data.ts";

const runs = Number(process.env.BENCH_RUNS ?? 2000);
const AIM_MS = 5;

const options = ["a", "b", "c"].map((v) => ({ value: v, label: v.toUpperCase() }));
type Kind = { type: string; extra?: Record<string, unknown>; value: (i: number) => unknown };
const kinds: Kind[] = [
  { type: "text", extra: { maxLength: 80 }, value: (i) => `Text ${i}` },
  { type: "longText", value: (i) => `Some longer text ${i}` },
  { type: "number", extra: { minimum: 0 }, value: (i) => i },
  { type: "currency", extra: { currency: "EUR", minimum: 0 }, value: (i) => i + 0.5 },
  { type: "percent", extra: { minimum: 0, maximum: 100 }, value: (i) => i % 100 },
  { type: "date", value: () => "2024-05-01" },
  { type: "dateTime", value: () => "2024-05-01T08:30:00.000Z" },
  { type: "email", value: (i) => `user${i}@example.com` },
  { type: "phone", value: () => "+49 30 1234567" },
  { type: "url", value: (i) => `https://example.com/${i}` },
  { type: "select", extra: { options }, value: (i) => ["a", "b", "c"][i % 3] },
  { type: "radio", extra: { options }, value: (i) => ["a", "b", "c"][i % 3] },
  { type: "multiSelect", extra: { options }, value: () => ["a", "c"] },
  { type: "checkboxes", extra: { options }, value: () => ["b"] },
  { type: "yesNo", value: (i) => i % 2 === 0 },
  { type: "user", value: () => "sam" },
  { type: "group", value: () => "sales" },
];

/** The yes/no field closest before field `i` (kinds repeat, yes/no is the 15th). */
function lastYesNo(i: number): number {
  const yesNo = kinds.findIndex((k) => k.type === "yesNo");
  let j = i - 1;
  while (j % kinds.length !== yesNo) j--;
  return j;
}

function buildForm(): { form: FormDefinition; data: (variant: number) => Record<string, unknown> } {
  const fields: Record<string, unknown>[] = [];
  const values: ((variant: number) => [string, unknown])[] = [];
  for (let i = 0; fields.length < 199; i++) {
    const kind = kinds[i % kinds.length]!;
    const key = `f${i}`;
    const field: Record<string, unknown> = { id: key, key, type: kind.type, label: `Field ${i}`, required: i % 4 === 0, ...kind.extra };
    // Every 6th field shows only while the yes/no before it is yes; every 20th is required above an amount.
    if (i % 6 === 5 && i > 20) field.visibleIf = `f${lastYesNo(i)} = true or f2 > 1000`;
    if (i % 20 === 19) field.requiredIf = `f2 > ${i}`;
    fields.push(field);
    values.push((variant) => [key, kind.value(i + variant)]);
  }
  fields.push({
    id: "loans",
    key: "loans",
    type: "table",
    label: "Loans",
    totalOf: "monthly",
    columns: [
      { id: "lender", key: "lender", type: "text", label: "Lender", required: true },
      { id: "monthly", key: "monthly", type: "currency", label: "Monthly", currency: "EUR" },
    ],
  });
  const branch = { id: "branch", key: "branch", type: "select", label: "Branch", optionsFrom: { variable: "branches" } };
  // 20 sections of 10 fields, the even ones with a rule of their own, every third in two columns.
  const blocks = Array.from({ length: 20 }, (_, s) => {
    const children = fields.slice(s * 10, s * 10 + 10);
    const inner = s % 3 === 0 ? [{ id: `cols${s}`, type: "columns", columns: [{ children: children.slice(0, 5) }, { children: children.slice(5) }] }] : children;
    return { id: `s${s}`, type: "section", title: `Section ${s}`, ...(s % 2 === 0 && s > 0 ? { visibleIf: `f${s} != null` } : {}), children: inner };
  });
  blocks.push({ id: "s-branch", type: "section", title: "Branch", children: [branch] });
  const form = formDefinitionSchema.parse({ schemaVersion: 1, blocks });
  const data = (variant: number) => ({
    ...Object.fromEntries(values.map((v) => v(variant))),
    loans: [{ lender: "Bank", monthly: 100 + variant }],
    branch: "ber",
  });
  return { form, data };
}

const { form, data } = buildForm();
const variables = { branches: ["ber", "par"] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

const compileTimes: number[] = [];
let compiled = compileForm(form);
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  compiled = compileForm(form);
  compileTimes.push(performance.now() - t0);
}
const fieldCount = Object.keys(compiled.schema.properties as object).length;
const ruleCount = ((compiled.schema["x-baton"] as { rules: unknown[] } | undefined)?.rules ?? []).length;

// The first validation compiles the schema with ajv (once per form per process).
let t0 = performance.now();
const first = validateFormData(compiled, data(0), { variables });
const firstMs = performance.now() - t0;
if (!first.ok) throw new Error(`The bench data is not valid: ${JSON.stringify(first.fieldErrors.slice(0, 3))}`);

// The runtime keeps published packages in memory, so a completion sees the same compiled form object.
const validateTimes: number[] = [];
let accepted = 0;
for (let i = 0; i < runs; i++) {
  const submission = data(i);
  t0 = performance.now();
  const result = validateFormData(compiled, submission, { variables });
  validateTimes.push(performance.now() - t0);
  if (result.ok) accepted++;
}
// Of that, reading the rules (hidden, required, options) alone.
const rules = formRules(compiled.schema);
const ruleTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const submission = data(2 * runs + i);
  t0 = performance.now();
  resolveFormRules(rules, submission, variables);
  ruleTimes.push(performance.now() - t0);
}
// A package read afresh from the database: ajv's compiled validator is found by the schema's content.
const freshTimes: number[] = [];
for (let i = 0; i < 100; i++) {
  const copy = structuredClone(compiled);
  t0 = performance.now();
  validateFormData(copy, data(runs + i), { variables });
  freshTimes.push(performance.now() - t0);
}

const ms = (x: number) => `${x.toFixed(3)} ms`;
console.log(`form: ${fieldCount} fields, ${ruleCount} fields with rules`);
console.log(`compile:  median ${ms(median(compileTimes))}, p95 ${ms(p95(compileTimes))} (50 runs)`);
console.log(`validate: first ${ms(firstMs)} (includes ajv compiling the schema)`);
console.log(`validate: median ${ms(median(validateTimes))}, p95 ${ms(p95(validateTimes))} (${runs} varied submissions, ${accepted} accepted)`);
console.log(`  of which the rules: median ${ms(median(ruleTimes))}, p95 ${ms(p95(ruleTimes))}`);
console.log(`validate, package read afresh: median ${ms(median(freshTimes))}, p95 ${ms(p95(freshTimes))} (100 runs)`);
console.log(median(validateTimes) < AIM_MS ? `OK: validation under the ${AIM_MS} ms aim` : `ABOVE AIM: validation takes more than ${AIM_MS} ms`);
