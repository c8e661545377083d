import { formDefinitionSchema } from "@baton/model";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.ts";
import { formNeeds } from "./form-needs.ts";
import { formRules } from "./rules/form-rules.ts";

const form = (blocks: unknown[]) => formDefinitionSchema.parse({ schemaVersion: 1, blocks });
const SCHEMA = "http://json-schema.org/draft-07/schema#";

describe("compileForm: rules", () => {
  test("a field's visible-if: required only when shown, so not in the static required list", () => {
    const compiled = compileForm(
      form([
        { id: "f1", type: "select", key: "category", label: "Card", required: true, options: [{ value: "gold", label: "Gold" }] },
        { id: "f2", type: "text", key: "giftCode", label: "Gift code", required: true, visibleIf: 'category = "gold"' },
      ]),
    );
    expect(compiled).toEqual({
      schema: {
        $schema: SCHEMA,
        type: "object",
        properties: {
          category: { title: "Card", type: "string", oneOf: [{ const: "gold", title: "Gold" }] },
          giftCode: { title: "Gift code", type: "string", minLength: 1 },
        },
        required: ["category"],
        additionalProperties: false,
        "x-baton": { rules: [{ key: "giftCode", visibleIf: ['category = "gold"'], required: true }] },
      },
      uiSchema: { "ui:order": ["category", "giftCode"], category: { "ui:autofocus": true } },
    });
  });

  test("a section's and a column's visible-if reach every field inside, with the field's own", () => {
    const compiled = compileForm(
      form([
        {
          id: "s-gold",
          type: "section",
          title: "Gold card",
          visibleIf: 'category = "gold"',
          children: [
            {
              id: "cols",
              type: "columns",
              visibleIf: "amount > 1000",
              columns: [
                { children: [{ id: "f1", type: "yesNo", key: "lounge", label: "Lounge?", visibleIf: "age >= 18" }] },
                { children: [{ id: "t1", type: "staticText", text: "Gold only.", visibleIf: "true" }] },
              ],
            },
          ],
        },
      ]),
    );
    expect(compiled.schema["x-baton"]).toEqual({
      rules: [{ key: "lounge", visibleIf: ['category = "gold"', "amount > 1000", "age >= 18"] }],
    });
    expect(compiled.uiSchema).toEqual({
      "ui:order": ["lounge"],
      "ui:layout": [
        {
          type: "section",
          id: "s-gold",
          title: "Gold card",
          visibleIf: 'category = "gold"',
          items: [
            {
              type: "columns",
              id: "cols",
              visibleIf: "amount > 1000",
              columns: [[{ type: "field", key: "lounge" }], [{ type: "staticText", id: "t1", text: "Gold only.", visibleIf: "true" }]],
            },
          ],
        },
      ],
      lounge: { "ui:widget": "radio" },
    });
  });

  test("required-if and options from a variable", () => {
    const compiled = compileForm(
      form([
        { id: "f1", type: "number", key: "amount", label: "Amount" },
        { id: "f2", type: "longText", key: "reason", label: "Reason", requiredIf: "amount > 50000" },
        { id: "f3", type: "radio", key: "branch", label: "Branch", optionsFrom: { variable: "branches" } },
        // required wins over required-if: nothing conditional left
        { id: "f4", type: "text", key: "name", label: "Name", required: true, requiredIf: "false" },
      ]),
    );
    expect(compiled.schema.required).toEqual(["name"]);
    expect(formRules(compiled.schema)).toEqual([
      { key: "reason", requiredIf: "amount > 50000" },
      { key: "branch", optionsFrom: "branches" },
    ]);
  });

  test("autofocus goes to the first field no rule can hide", () => {
    const compiled = compileForm(
      form([
        { id: "f1", type: "text", key: "a", label: "A", visibleIf: "b = 1" },
        { id: "f2", type: "number", key: "b", label: "B" },
      ]),
    );
    expect(compiled.uiSchema).toEqual({ "ui:order": ["a", "b"], b: { "ui:autofocus": true } });
  });

  test("static text and a display of an earlier value are layout entries, not data", () => {
    const compiled = compileForm(
      form([
        { id: "t1", type: "staticText", text: "Check the applicant's ID." },
        { id: "d1", type: "display", label: "Amount applied for", variable: "amount", format: "currency", currency: "EUR", help: "From the application" },
        { id: "f1", type: "yesNo", key: "checked", label: "ID checked?", required: true },
      ]),
    );
    expect(compiled).toEqual({
      schema: {
        $schema: SCHEMA,
        type: "object",
        properties: {
          checked: { title: "ID checked?", type: "boolean", oneOf: [{ const: true, title: "Yes" }, { const: false, title: "No" }] },
        },
        required: ["checked"],
        additionalProperties: false,
      },
      uiSchema: {
        "ui:order": ["checked"],
        "ui:layout": [
          { type: "staticText", id: "t1", text: "Check the applicant's ID." },
          { type: "display", id: "d1", label: "Amount applied for", variable: "amount", format: "currency", currency: "EUR", help: "From the application" },
          { type: "field", key: "checked" },
        ],
        checked: { "ui:widget": "radio", "ui:autofocus": true },
      },
    });
  });

  test("a compiled form with rules is still a schema ajv compiles in strict-off mode", () => {
    const compiled = compileForm(form([{ id: "f1", type: "text", key: "a", label: "A", visibleIf: "true" }]));
    expect(new Ajv({ strict: false }).validateSchema(compiled.schema)).toBe(true);
  });
});

describe("formRules", () => {
  test("refuses an x-baton that is not a list of rules, saying to recompile", () => {
    expect(() => formRules({ "x-baton": { rules: [{ key: 1 }] } })).toThrow(/recompile the form/);
    expect(formRules({})).toEqual([]);
  });
});

describe("formNeeds", () => {
  test("says whether a page must load the variables and the directory", () => {
    expect(formNeeds(compileForm(form([{ id: "f1", type: "text", key: "a", label: "A" }])))).toEqual({ variables: false, directory: false });
    expect(formNeeds(compileForm(form([{ id: "f1", type: "text", key: "a", label: "A", visibleIf: "b = 1" }])))).toEqual({ variables: true, directory: false });
    const display = { id: "d1", type: "display", label: "Amount", variable: "amount" };
    expect(formNeeds(compileForm(form([{ id: "c", type: "columns", columns: [{ children: [display] }] }])))).toEqual({ variables: true, directory: false });
    expect(formNeeds(compileForm(form([{ id: "f1", type: "group", key: "team", label: "Team" }])))).toEqual({ variables: false, directory: true });
  });
});
