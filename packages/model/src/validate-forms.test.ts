import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type FormBlock, formDefinitionSchema, formFields } from "./form-definition.ts";
import { leadToCustomer } from "./fixtures/lead-to-customer.ts";
import type { ProcessDefinitionInput } from "./process-definition.ts";
import { validate } from "./validate.ts";

/** The lead fixture with blocks added to the form of one step. */
function withBlocks(stepId: "start" | "call-back" | "ship", ...blocks: unknown[]): ProcessDefinitionInput {
  const def = leadToCustomer();
  const step = def.steps.find((s) => s.id === stepId) as { form: { blocks: unknown[] } };
  step.form.blocks.push(...blocks);
  return def;
}
const codes = (def: ProcessDefinitionInput) => validate(def).map((p) => p.code);

describe("form rules", () => {
  test("a visible-if may read fields of its form, variables of earlier steps and reserved names", () => {
    const def = withBlocks(
      "call-back",
      { id: "f-why", type: "text", key: "why", label: "Why", visibleIf: 'outcome = "notInterested" and product = "premium"' },
      { id: "f-who", type: "text", key: "who", label: "Who", requiredIf: "initiator != null and some x in [1] satisfies x > 0" },
    );
    expect(validate(def)).toEqual([]);
  });

  test("a variable written only by a later step is unknown to an earlier form", () => {
    const def = withBlocks("call-back", { id: "f-x", type: "text", key: "x", label: "X", visibleIf: "tracking != null" });
    expect(validate(def)).toEqual([
      expect.objectContaining({ code: "form.rule-unknown-name", severity: "warning", fieldId: "f-x" }),
    ]);
    // The ship task runs after the call-back: the call-back's variables are known there.
    const later = withBlocks("ship", { id: "f-y", type: "text", key: "y", label: "Y", visibleIf: 'outcome = "converted"' });
    expect(validate(later)).toEqual([]);
  });

  test("a rule that does not parse is a syntax error at the rule, sections too", () => {
    const def = withBlocks("start", {
      id: "sec-gold",
      type: "section",
      title: "Gold",
      visibleIf: "product == \"premium\"",
      children: [{ id: "f-limit", type: "number", key: "limit", label: "Limit", requiredIf: "product = " }],
    });
    const problems = validate(def);
    expect(problems).toEqual([
      expect.objectContaining({ code: "expression.syntax", fieldId: "sec-gold", offset: 8, path: ["steps", 0, "form", "blocks", 4, "visibleIf"] }),
      expect.objectContaining({
        code: "expression.syntax",
        fieldId: "f-limit",
        path: ["steps", 0, "form", "blocks", 4, "children", 0, "requiredIf"],
        message: 'The required-if rule of field "Limit" in the start form of Start "New lead" is not a valid expression. Syntax error at column 11: the expression ends too early.',
      }),
    ]);
  });
});

describe("layout and tables", () => {
  const loans = {
    id: "f-loans",
    type: "table",
    key: "loans",
    label: "Existing loans",
    totalOf: "monthly",
    columns: [
      { id: "c-lender", type: "text", key: "lender", label: "Lender", required: true },
      { id: "c-monthly", type: "currency", key: "monthly", label: "Monthly payment", currency: "EUR", minimum: 0 },
    ],
  };

  test("every block type together validates clean", () => {
    const def = withBlocks(
      "ship",
      {
        id: "cols",
        type: "columns",
        columns: [
          { children: [{ id: "f-at", type: "dateTime", key: "at", label: "Sent at" }] },
          { children: [{ id: "f-url", type: "url", key: "trackingUrl", label: "Tracking link" }] },
        ],
      },
      { id: "t-note", type: "staticText", text: "Check the address twice." },
      { id: "d-amount", type: "display", label: "Order amount", variable: "order.amount", format: "currency", currency: "EUR" },
      { id: "f-who", type: "user", key: "packer", label: "Packed by" },
      { id: "f-team", type: "group", key: "team", label: "Team" },
      { id: "f-rate", type: "percent", key: "rate", label: "Discount", minimum: 0, maximum: 100 },
      { id: "f-box", type: "radio", key: "box", label: "Box", options: [{ value: "s", label: "Small" }] },
      { id: "f-extras", type: "checkboxes", key: "extras", label: "Extras", options: [{ value: "gift", label: "Gift wrap" }] },
      { id: "f-carrier", type: "multiSelect", key: "carriers", label: "Carriers", optionsFrom: { variable: "outcome" } },
      loans,
    );
    expect(validate(def)).toEqual([]);
    const ship = def.steps.find((s) => s.id === "ship") as { form: unknown };
    expect(formFields(formDefinitionSchema.parse(ship.form)).map((f) => f.key)).toEqual([
      "sentOn", "tracking", "at", "trackingUrl", "packer", "team", "rate", "box", "extras", "carriers", "loans",
    ]);
  });

  test("keys are unique across columns; column keys only within their table", () => {
    const def = withBlocks(
      "ship",
      { id: "cols", type: "columns", columns: [{ children: [{ id: "f-t2", type: "text", key: "tracking", label: "Tracking again" }] }] },
      { ...loans, columns: [...loans.columns, { id: "c-lender2", type: "text", key: "lender", label: "Bank" }, { id: "f-sent", type: "date", key: "sentOn", label: "Since" }] },
    );
    expect(validate(def)).toEqual([
      expect.objectContaining({ code: "form.duplicate-key", fieldId: "f-t2", path: ["steps", 4, "form", "blocks", 2, "columns", 0, "children", 0, "key"] }),
      expect.objectContaining({ code: "form.duplicate-field-id", fieldId: "f-sent", path: ["steps", 4, "form", "blocks", 3, "columns", 3, "id"] }),
      expect.objectContaining({
        code: "form.duplicate-key",
        fieldId: "c-lender2",
        message: expect.stringContaining('Column "Bank" of field "Existing loans" in the form of Task "Ship order" has the key "lender", which column "Lender" already uses.'),
      }),
    ]);
  });

  test("a column's own rules are checked like a field's", () => {
    const def = withBlocks("ship", { ...loans, minRows: 3, maxRows: 2, columns: [{ ...loans.columns[1], minimum: 10, maximum: 1 }] });
    expect(codes(def)).toEqual(["form.min-above-max", "form.min-above-max"]);
  });

  test("a display of a variable nothing writes is a warning; a choice from a variable needs no typed options", () => {
    const def = withBlocks("ship", { id: "d-x", type: "display", label: "Score", variable: "score" });
    expect(validate(def)).toEqual([expect.objectContaining({ code: "form.unknown-variable", severity: "warning", fieldId: "d-x" })]);
  });

  test("rules are not allowed on table columns", () => {
    const column = { ...loans.columns[0], visibleIf: "true" };
    const problems = validate(withBlocks("ship", { ...loans, totalOf: undefined, columns: [column] }));
    expect(problems).toEqual([
      expect.objectContaining({
        code: "schema.invalid",
        fieldId: "f-loans",
        message: 'Step "Ship order", form field "Existing loans", columns.0: Unrecognized key: "visibleIf".',
      }),
    ]);
  });
});

test("FormBlock covers the layout blocks", () => {
  const block: FormBlock = { id: "t", type: "staticText", text: "Hello" };
  expect(formDefinitionSchema.parse({ schemaVersion: 1, blocks: [block] }).blocks).toEqual([block]);
});

test("the credit-application template (scenario 4) validates without a single problem", () => {
  const file = new URL("../../../templates/credit-application/process.json", import.meta.url);
  expect(validate(JSON.parse(readFileSync(file, "utf8")))).toEqual([]);
});

describe("variable types and decision names", () => {
  test("a required-if reading a name nothing provides is reported at the field", () => {
    const def = withBlocks("ship", { id: "f-z", type: "text", key: "z", label: "Z", requiredIf: "shipingMode = \"express\"" });
    expect(validate(def)).toEqual([
      expect.objectContaining({ code: "form.rule-unknown-name", fieldId: "f-z", path: ["steps", 4, "form", "blocks", 2, "requiredIf"] }),
    ]);
  });

  test("text-like fields share one shape: a date may later be written by a text field", () => {
    const def = withBlocks("ship", { id: "f-again", type: "text", key: "callAgainOn", label: "Call again (note)" });
    expect(codes(def)).not.toContain("variable.type-conflict");
  });

  test("an output mapping binds its target with the type of the field it copies", () => {
    const def = leadToCustomer();
    const ship = def.steps.find((s) => s.id === "ship") as { form: { blocks: unknown[] }; outputs?: unknown[] };
    ship.form.blocks.push({ id: "f-items", type: "table", key: "items", label: "Items", columns: [{ id: "c-n", type: "text", key: "n", label: "N" }] });
    ship.outputs = [{ from: "items", to: "happy" }];
    const problems = validate(def).filter((p) => p.code === "variable.type-conflict");
    expect(problems).toEqual([
      expect.objectContaining({
        stepId: "welcome",
        fieldId: "f-happy",
        message: expect.stringContaining('writes the variable "happy" as yes/no (field "Customer happy?" of type yesNo), but Task "Ship order" writes it as table (field "Items" of type table)'),
      }),
    ]);
  });

  test("a decision may read variables of earlier steps and reserved names, not later ones", () => {
    const def = leadToCustomer();
    def.connections.find((c) => c.id === "c-lost")!.condition = 'outcome = "notInterested" and initiator != null';
    expect(codes(def)).not.toContain("decision.unknown-variable");
    def.connections.find((c) => c.id === "c-lost")!.condition = "happy = false";
    expect(validate(def)).toContainEqual(expect.objectContaining({ code: "decision.unknown-variable", connectionId: "c-lost", stepId: "outcome" }));
  });
});
