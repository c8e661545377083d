import { formDefinitionSchema } from "@baton/model";
import validator from "@rjsf/validator-ajv8";
import type { RJSFSchema } from "@rjsf/utils";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.ts";
import { createFormValidator, validateFormData } from "./validate-data.ts";

const lead = compileForm(
  formDefinitionSchema.parse({
    schemaVersion: 1,
    title: "New lead",
    blocks: [
      {
        id: "sec",
        type: "section",
        title: "Prospect",
        children: [
          { id: "f1", type: "text", key: "name", label: "Name", required: true, maxLength: 20 },
          { id: "f2", type: "phone", key: "phone", label: "Phone", required: true },
          { id: "f3", type: "email", key: "email", label: "E-mail" },
        ],
      },
      {
        id: "f4",
        type: "select",
        key: "product",
        label: "Product",
        options: [
          { value: "basic", label: "Basic" },
          { value: "premium", label: "Premium" },
        ],
      },
      { id: "f5", type: "number", key: "amount", label: "Amount", minimum: 0, maximum: 5000 },
      { id: "f6", type: "number", key: "quantity", label: "Quantity", integer: true },
      { id: "f7", type: "date", key: "callOn", label: "Call on" },
      { id: "f8", type: "yesNo", key: "brochure", label: "Brochure sent?", required: true },
      { id: "f9", type: "longText", key: "notes", label: "Notes", readOnly: true, default: "" },
    ],
  }),
);

const valid = {
  name: "Ada Lovelace",
  phone: "+44 (20) 7946-0958",
  email: "ada@example.com",
  product: "premium",
  amount: 0,
  quantity: 3,
  callOn: "2024-02-29",
  brochure: false,
};

type Case = { name: string; data: Record<string, unknown>; errors: { path: string; message: string }[] };

const rejected: Case[] = [
  {
    name: "missing required fields point at the fields, not the form",
    data: { email: "ada@example.com" },
    errors: [
      { path: "/name", message: "Name is required." },
      { path: "/phone", message: "Phone is required." },
      { path: "/brochure", message: "Brochure sent? is required." },
    ],
  },
  {
    name: "an empty required text",
    data: { ...valid, name: "" },
    errors: [{ path: "/name", message: "Name is required." }],
  },
  {
    name: "text too long",
    data: { ...valid, name: "Augusta Ada King, Countess of Lovelace" },
    errors: [{ path: "/name", message: "Name must be at most 20 characters long." }],
  },
  {
    name: "wrong formats",
    data: { ...valid, phone: "call me", email: "ada@", callOn: "2023-02-29" },
    errors: [
      { path: "/phone", message: "Phone must be a phone number: 6 to 20 digits, spaces, +, - or parentheses." },
      { path: "/email", message: "E-mail must be a valid e-mail address." },
      { path: "/callOn", message: "Call on must be a valid date (YYYY-MM-DD)." },
    ],
  },
  {
    name: "a phone number with too few digits",
    data: { ...valid, phone: "(12) 3-4 5" },
    errors: [{ path: "/phone", message: "Phone must be a phone number: 6 to 20 digits, spaces, +, - or parentheses." }],
  },
  {
    name: "out of range",
    data: { ...valid, amount: -1 },
    errors: [{ path: "/amount", message: "Amount must be at least 0." }],
  },
  {
    name: "above the maximum",
    data: { ...valid, amount: 5000.01 },
    errors: [{ path: "/amount", message: "Amount must be at most 5000." }],
  },
  {
    name: "a value that is not an option",
    data: { ...valid, product: "gold" },
    errors: [{ path: "/product", message: "Product must be one of: Basic, Premium." }],
  },
  {
    name: "an unknown extra property",
    data: { ...valid, discount: 50 },
    errors: [{ path: "/discount", message: '"discount" is not a field of this form.' }],
  },
  {
    name: "wrong types",
    data: { ...valid, name: 42, amount: "100", quantity: 1.5, brochure: "yes" },
    errors: [
      { path: "/name", message: "Name must be text." },
      { path: "/amount", message: "Amount must be a number." },
      { path: "/quantity", message: "Quantity must be a whole number." },
      { path: "/brochure", message: "Brochure sent? must be yes or no." },
    ],
  },
];

describe("validateFormData", () => {
  test("accepts valid data and returns it unchanged", () => {
    const data = structuredClone(valid);
    expect(validateFormData(lead, data)).toEqual({ ok: true, data: valid, hidden: [] });
    expect(data).toEqual(valid);
  });

  test("accepts data with only the required fields (defaults are not filled in)", () => {
    const data = { name: "Ada", phone: "0123456", brochure: true };
    const result = validateFormData(lead, data);
    expect(result).toEqual({ ok: true, data: { name: "Ada", phone: "0123456", brochure: true }, hidden: [] });
  });

  test.each(rejected.map((c) => [c.name, c] as const))("rejects %s", (_name, c) => {
    expect(validateFormData(lead, c.data)).toEqual({ ok: false, fieldErrors: c.errors });
  });

  test.each([null, [], "name=Ada", 7])("rejects %j as a whole", (data) => {
    expect(validateFormData(lead, data)).toEqual({
      ok: false,
      fieldErrors: [{ path: "", message: "The form data must be an object." }],
    });
  });

  test("an empty required field is reported as required, whatever rule it breaks", () => {
    const result = validateFormData(lead, { ...valid, phone: "", email: "" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: [
        { path: "/phone", message: "Phone is required." },
        // Optional: "" is not an e-mail address, and not the same as leaving it out.
        { path: "/email", message: "E-mail must be a valid e-mail address." },
      ],
    });
  });

  test("escapes unusual property names in the JSON pointer", () => {
    const result = validateFormData(lead, { ...valid, "a/b": 1 });
    expect(result).toEqual({
      ok: false,
      fieldErrors: [{ path: "/a~1b", message: '"a/b" is not a field of this form.' }],
    });
  });
});

describe("the server rejects what the browser rejects", () => {
  // The keys rjsf's own validator (the one the portal renders with) complains about.
  const browserKeys = (data: object): string[] => {
    const { errors } = validator.validateFormData(data, lead.schema as RJSFSchema);
    const keys = errors.map((e) => {
      const params = e.params as Record<string, unknown>;
      if (e.name === "required") return String(params.missingProperty);
      if (e.name === "additionalProperties") return String(params.additionalProperty);
      return (e.property ?? "").split(".")[1] ?? "";
    });
    return [...new Set(keys)].sort();
  };
  const serverKeys = (data: object): string[] => {
    const result = validateFormData(lead, data);
    return result.ok ? [] : result.fieldErrors.map((e) => e.path.slice(1)).sort();
  };

  test("for valid data both accept", () => {
    expect(browserKeys(valid)).toEqual([]);
    expect(serverKeys(valid)).toEqual([]);
  });

  test.each(rejected.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const expected = c.errors.map((e) => e.path.slice(1)).sort();
    expect(browserKeys(c.data)).toEqual(expected);
    expect(serverKeys(c.data)).toEqual(expected);
  });
});

describe("createFormValidator caching", () => {
  test("a copy of a schema (as read from the database) validates the same", () => {
    const copy = structuredClone(lead);
    expect(validateFormData(copy, { ...valid, amount: -1 })).toEqual(validateFormData(lead, { ...valid, amount: -1 }));
    expect(validateFormData(copy, valid)).toEqual({ ok: true, data: valid, hidden: [] });
  });

  test("stays correct when the cache evicts schemas", () => {
    const formValidator = createFormValidator({ cacheSize: 1 });
    const other = compileForm(
      formDefinitionSchema.parse({
        schemaVersion: 1,
        blocks: [{ id: "f1", type: "number", key: "amount", label: "Total", minimum: 10 }],
      }),
    );
    for (let round = 0; round < 3; round++) {
      // Fresh copies each round, so every call misses the identity cache.
      expect(formValidator.validate(structuredClone(lead), valid)).toEqual({ ok: true, data: valid, hidden: [] });
      expect(formValidator.validate(structuredClone(other), { amount: 5 })).toEqual({
        ok: false,
        fieldErrors: [{ path: "/amount", message: "Total must be at least 10." }],
      });
    }
  });

  test("validates quickly once compiled", () => {
    const copy = structuredClone(lead);
    validateFormData(copy, valid);
    const started = performance.now();
    for (let i = 0; i < 2000; i++) validateFormData(copy, valid);
    // ~1µs each in practice; the bound only catches recompiling per call (~ms).
    expect(performance.now() - started).toBeLessThan(500);
  });
});
