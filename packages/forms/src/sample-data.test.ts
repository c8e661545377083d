import { readFileSync } from "node:fs";
import { processDefinitionSchema, type FormDefinition } from "@baton/model";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.ts";
import { sampleFormData } from "./sample-data.ts";
import { validateFormData } from "./validate-data.ts";

const directory = { users: [{ username: "alice" }], groups: [{ name: "sales" }] };

describe("sampleFormData", () => {
  test("every step form of the credit application is valid with its sample data", () => {
    const definition = processDefinitionSchema.parse(
      JSON.parse(readFileSync(new URL("../../../templates/credit-application/process.json", import.meta.url), "utf8")),
    );
    const forms = definition.steps.flatMap((s) => ("form" in s && s.form ? [[s.id, s.form] as const] : []));
    expect(forms.length).toBeGreaterThan(3);
    for (const [stepId, form] of forms) {
      const sample = sampleFormData(form, directory);
      const result = validateFormData(compileForm(form), sample.data, { variables: sample.variables });
      expect({ stepId, errors: result.ok ? [] : result.fieldErrors }).toEqual({ stepId, errors: [] });
    }
  });

  test("respects bounds, lengths and options; leaves a patterned text empty; fills displays and option lists", () => {
    const form: FormDefinition = {
      schemaVersion: 1,
      blocks: [
        { id: "a", key: "code", type: "text", label: "Code", required: false, pattern: "^[A-Z]{3}$" },
        { id: "b", key: "short", type: "text", label: "Short name", required: false, maxLength: 5 },
        { id: "c", key: "age", type: "number", label: "Age", required: false, minimum: 18, integer: true },
        { id: "d", key: "size", type: "select", label: "Size", required: true, options: [{ value: "m", label: "Medium" }] },
        { id: "e", key: "product", type: "select", label: "Product", required: true, options: [], optionsFrom: { variable: "catalog.products" } },
        { id: "f", type: "display", label: "Order number", variable: "order.number" },
        { id: "g", key: "owner", type: "user", label: "Owner", required: false },
      ],
    } as FormDefinition;
    const { data, variables } = sampleFormData(form, directory);
    expect(data).toEqual({ short: "Sampl", age: 18, size: "m", product: "First choice", owner: "alice" });
    expect(variables).toEqual({ catalog: { products: ["First choice", "Second choice"] }, order: { number: "Sample order number" } });
  });
});
