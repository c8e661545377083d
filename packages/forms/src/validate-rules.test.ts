import { formDefinitionSchema } from "@baton/model";
import validator from "@rjsf/validator-ajv8";
import type { RJSFSchema } from "@rjsf/utils";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.ts";
import { formRules } from "./rules/form-rules.ts";
import { formView } from "./rules/form-view.ts";
import { resolveFormRules } from "./rules/resolve-rules.ts";
import { validateFormData } from "./validate-data.ts";

/** The credit application's start form, cut to what the rules need. */
const credit = compileForm(
  formDefinitionSchema.parse({
    schemaVersion: 1,
    blocks: [
      { id: "f1", type: "text", key: "applicant", label: "Applicant", required: true },
      { id: "f2", type: "currency", key: "amount", label: "Amount", currency: "EUR", required: true, minimum: 1000 },
      {
        id: "f3",
        type: "select",
        key: "category",
        label: "Card category",
        required: true,
        options: [
          { value: "standard", label: "Standard" },
          { value: "gold", label: "Gold" },
        ],
      },
      {
        id: "s-gold",
        type: "section",
        title: "Gold card",
        visibleIf: 'category = "gold"',
        children: [
          {
            id: "f4",
            type: "checkboxes",
            key: "benefits",
            label: "Gold card benefits",
            required: true,
            options: [
              { value: "lounge", label: "Airport lounge" },
              { value: "insurance", label: "Travel insurance" },
            ],
          },
          { id: "f5", type: "text", key: "loungeCity", label: "Home airport", visibleIf: 'list contains(benefits, "lounge")', required: true },
        ],
      },
      { id: "f6", type: "longText", key: "reason", label: "Reason for a large loan", requiredIf: "amount > 50000" },
      { id: "f7", type: "select", key: "branch", label: "Branch", optionsFrom: { variable: "branches" } },
      {
        id: "f8",
        type: "table",
        key: "loans",
        label: "Existing loans",
        totalOf: "monthly",
        columns: [
          { id: "c1", type: "text", key: "lender", label: "Lender", required: true },
          { id: "c2", type: "currency", key: "monthly", label: "Monthly payment", currency: "EUR", minimum: 0 },
        ],
      },
      { id: "f9", type: "url", key: "website", label: "Website" },
      { id: "f10", type: "dateTime", key: "meeting", label: "Meeting" },
    ],
  }),
);
const variables = { branches: [{ value: "ber", label: "Berlin" }, "Paris", 7, { nope: true }] };
const valid = { applicant: "Ada", amount: 20000, category: "standard" };

type Case = { name: string; data: Record<string, unknown>; vars?: Record<string, unknown>; errors: { path: string; message: string }[] };

const rejected: Case[] = [
  {
    name: "a shown required field (gold benefits) left empty, and an empty list counts as empty",
    data: { ...valid, category: "gold", benefits: [] },
    errors: [{ path: "/benefits", message: "Gold card benefits is required." }],
  },
  {
    name: "a field shown by another shown field (the lounge's airport)",
    data: { ...valid, category: "gold", benefits: ["lounge"] },
    errors: [{ path: "/loungeCity", message: "Home airport is required." }],
  },
  {
    name: "required-if: a large loan needs a reason, and blank is no reason",
    data: { ...valid, amount: 60000, reason: "" },
    errors: [{ path: "/reason", message: "Reason for a large loan is required." }],
  },
  {
    name: "a choice the variable does not offer",
    data: { ...valid, branch: "rome" },
    errors: [{ path: "/branch", message: "Branch must be one of: Berlin, Paris, 7." }],
  },
  {
    name: "a choice from a variable the instance does not have",
    data: { ...valid, branch: "ber" },
    vars: {},
    errors: [{ path: "/branch", message: "Branch has no options to choose from." }],
  },
  {
    name: "table rows: each row's own rules, named with their row",
    data: { ...valid, loans: [{ lender: "Bank A", monthly: 100.5 }, { monthly: -1 }, { lender: "C", monthly: 10.001 }] },
    errors: [
      { path: "/loans/1/lender", message: "Lender in row 2 is required." },
      { path: "/loans/1/monthly", message: "Monthly payment in row 2 must be at least 0." },
      { path: "/loans/2/monthly", message: "Monthly payment can have at most 2 decimal places." },
    ],
  },
  {
    name: "a row with a column the table does not have",
    data: { ...valid, loans: [{ lender: "A", rate: 3 }] },
    errors: [{ path: "/loans/0/rate", message: '"rate" is not a field of this form.' }],
  },
  {
    name: "cents on a currency amount, a javascript: link and a time without zone",
    data: { ...valid, amount: 20000.001, website: "javascript:alert(1)", meeting: "2024-05-01T10:30" },
    errors: [
      { path: "/amount", message: "Amount can have at most 2 decimal places." },
      { path: "/website", message: "Website must be a web address starting with http:// or https://." },
      { path: "/meeting", message: "Meeting must be a valid date and time." },
    ],
  },
];

describe("validateFormData with rules", () => {
  test("drops the values of hidden fields, which are then not required", () => {
    const data = { ...valid, benefits: ["lounge"], loungeCity: "BER", reason: "" };
    expect(validateFormData(credit, data, { variables })).toEqual({
      ok: true,
      data: { ...valid, reason: "" },
      hidden: ["benefits", "loungeCity"],
    });
  });

  test("accepts a complete gold application with options from the variable", () => {
    const data = {
      ...valid,
      amount: 60000.07,
      category: "gold",
      benefits: ["insurance"],
      reason: "A house",
      branch: "ber",
      loans: [{ lender: "Bank A", monthly: 0.07 }],
      website: "https://example.com/a?b=c",
      meeting: "2024-05-01T08:30:00.000Z",
    };
    expect(validateFormData(credit, data, { variables })).toEqual({ ok: true, data, hidden: ["loungeCity"] });
  });

  test("a stale answer in a hidden field does not keep another field visible", () => {
    // Gold with the lounge ticked, then switched to standard: the lounge answer is stale.
    const data = { ...valid, benefits: ["lounge"], loungeCity: "BER" };
    const resolution = resolveFormRules(formRules(credit.schema), data, variables);
    expect([...resolution.hidden].sort()).toEqual(["benefits", "loungeCity"]);
  });

  test("form data wins over a variable of the same name; a hidden field's variable shows through", () => {
    const schema = compileForm(
      formDefinitionSchema.parse({
        schemaVersion: 1,
        blocks: [
          { id: "f1", type: "number", key: "amount", label: "Amount", visibleIf: "show = true" },
          { id: "f2", type: "text", key: "note", label: "Note", visibleIf: "amount > 10" },
          { id: "f3", type: "yesNo", key: "show", label: "Show?" },
        ],
      }),
    );
    expect(validateFormData(schema, { show: true, amount: 5, note: "x" }, { variables: { amount: 50 } })).toMatchObject({
      ok: true,
      hidden: ["note"],
    });
    expect(validateFormData(schema, { show: false, amount: 5, note: "x" }, { variables: { amount: 50 } })).toMatchObject({
      ok: true,
      data: { show: false, note: "x" },
      hidden: ["amount"],
    });
  });

  test("rules that hide each other in a circle end, hiding both", () => {
    const schema = compileForm(
      formDefinitionSchema.parse({
        schemaVersion: 1,
        blocks: [
          { id: "f1", type: "text", key: "a", label: "A", visibleIf: "b = null" },
          { id: "f2", type: "text", key: "b", label: "B", visibleIf: "a = null" },
        ],
      }),
    );
    expect(validateFormData(schema, { a: "x", b: "y" })).toEqual({ ok: true, data: {}, hidden: ["a", "b"] });
  });

  test.each(rejected.map((c) => [c.name, c] as const))("rejects %s", (_name, c) => {
    expect(validateFormData(credit, c.data, { variables: c.vars ?? variables })).toEqual({ ok: false, fieldErrors: c.errors });
  });
});

describe("the server rejects what the browser, reading the same rules, rejects", () => {
  /** What BatonForm validates: the view of the form for the current data, with hidden values gone. */
  const browserKeys = (data: Record<string, unknown>, vars: Record<string, unknown>): string[] => {
    const resolution = resolveFormRules(formRules(credit.schema), data, vars);
    const view = formView(credit, resolution);
    const { errors } = validator.validateFormData(resolution.data, view.schema as RJSFSchema);
    // rjsf names a field `.loans.1.lender` or, when required at the top, `loungeCity`.
    const keys = errors.map((e) => (e.property ?? "").split(".").filter((s) => s !== "")[0] ?? "");
    return [...new Set(keys)].sort();
  };
  const serverKeys = (data: Record<string, unknown>, vars: Record<string, unknown>): string[] => {
    const result = validateFormData(credit, data, { variables: vars });
    return result.ok ? [] : [...new Set(result.fieldErrors.map((e) => e.path.split("/")[1] ?? ""))].sort();
  };

  test("valid data: both accept, hidden-but-required fields included", () => {
    expect(browserKeys(valid, variables)).toEqual([]);
    expect(serverKeys(valid, variables)).toEqual([]);
  });

  test.each(rejected.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const expected = [...new Set(c.errors.map((e) => e.path.split("/")[1]))].sort();
    expect(browserKeys(c.data, c.vars ?? variables)).toEqual(expected);
    expect(serverKeys(c.data, c.vars ?? variables)).toEqual(expected);
  });
});
