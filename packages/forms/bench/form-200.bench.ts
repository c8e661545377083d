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
import { compileForm } from "../src/compile-form.ts";
import { formRules } from "../src/rules/form-rules.ts";
import { resolveFormRules } from "../src/rules/resolve-rules.ts";
import { validateFormData } from "../src/validate-data.ts";
import { buildForm, invalidData, variables } from "./form-200.ts";

const runs = Number(process.env.BENCH_RUNS ?? 2000);
const AIM_MS = 5;

const { form, data } = buildForm();

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

// A submission with mistakes throughout (the server answers with every field error).
const invalidTimes: number[] = [];
let rejected = 0;
let errorCount = 0;
for (let i = 0; i < runs; i++) {
  const submission = invalidData(data(3 * runs + i));
  t0 = performance.now();
  const result = validateFormData(compiled, submission, { variables });
  invalidTimes.push(performance.now() - t0);
  if (!result.ok) {
    rejected++;
    errorCount = result.fieldErrors.length;
  }
}
if (rejected !== runs) throw new Error("The invalid bench data was accepted.");

const ms = (x: number) => `${x.toFixed(3)} ms`;
console.log(`form: ${fieldCount} fields, ${ruleCount} fields with rules`);
console.log(`compile:  median ${ms(median(compileTimes))}, p95 ${ms(p95(compileTimes))} (50 runs)`);
console.log(`validate: first ${ms(firstMs)} (includes ajv compiling the schema)`);
console.log(`validate: median ${ms(median(validateTimes))}, p95 ${ms(p95(validateTimes))} (${runs} varied submissions, ${accepted} accepted)`);
console.log(`  of which the rules: median ${ms(median(ruleTimes))}, p95 ${ms(p95(ruleTimes))}`);
console.log(`validate, package read afresh: median ${ms(median(freshTimes))}, p95 ${ms(p95(freshTimes))} (100 runs)`);
console.log(`validate invalid: median ${ms(median(invalidTimes))}, p95 ${ms(p95(invalidTimes))} (${runs} submissions, ${errorCount} field errors each)`);

const verdict = (x: number, aim?: number) => (aim === undefined ? "" : x < aim ? `< ${aim} ms  OK` : `< ${aim} ms  ABOVE AIM`);
const rows: [string, number, number, number | undefined][] = [
  ["compile (200 fields)", median(compileTimes), p95(compileTimes), undefined],
  ["validate valid data", median(validateTimes), p95(validateTimes), AIM_MS],
  ["validate invalid data", median(invalidTimes), p95(invalidTimes), AIM_MS],
  ["validate, package read afresh", median(freshTimes), p95(freshTimes), AIM_MS],
];
console.log("");
console.table(rows.map(([name, med, p, aim]) => ({ measure: name, "median ms": +med.toFixed(3), "p95 ms": +p.toFixed(3), aim: verdict(med, aim) })));
console.log(
  `BENCH_JSON ${JSON.stringify({
    bench: "forms-node-200",
    fields: fieldCount,
    compileMs: { median: median(compileTimes), p95: p95(compileTimes), runs: compileTimes.length },
    validateFirstMs: firstMs,
    validateValidMs: { median: median(validateTimes), p95: p95(validateTimes), runs, aim: AIM_MS },
    validateInvalidMs: { median: median(invalidTimes), p95: p95(invalidTimes), runs, errors: errorCount, aim: AIM_MS },
    validateFreshMs: { median: median(freshTimes), p95: p95(freshTimes), runs: freshTimes.length },
    rulesMs: { median: median(ruleTimes), p95: p95(ruleTimes) },
  })}`,
);
