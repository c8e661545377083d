/**
 * The generated 200-field form the benchmarks share (Node: compile and
 * validate; Chromium: render and typing): every field type, sections and
 * columns, 30 visible-if and 10 required-if rules, a repeating table,
 * options from a variable.
 */
import { type FormDefinition, formDefinitionSchema } from "@baton/model";

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

export function buildForm(): { form: FormDefinition; data: (variant: number) => Record<string, unknown> } {
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

export const variables = { branches: ["ber", "par"] };

/** A submission with mistakes throughout: wrong types, missing required fields, bad formats, a table row without its lender. */
export function invalidData(valid: Record<string, unknown>): Record<string, unknown> {
  const bad: Record<string, unknown> = { ...valid };
  for (const [i, key] of Object.keys(valid).entries()) {
    if (!/^f\d+$/.test(key)) continue;
    if (i % 5 === 0) delete bad[key];
    else if (i % 5 === 1) bad[key] = typeof valid[key] === "number" ? "not a number" : 12345;
    else if (i % 5 === 2 && typeof valid[key] === "string") bad[key] = "x".repeat(200);
  }
  bad.loans = [{ monthly: -1 }];
  return bad;
}
