import { type Field, fieldSchema, fieldTypes, formBlockSchema, formDefinitionSchema, layoutBlockTypes } from "@baton/model";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.ts";
import { PHONE_PATTERN } from "./blocks/phone.ts";
import { URL_PATTERN } from "./blocks/url.ts";
import { blockRegistry, compileField, paletteBlocks } from "./registry.ts";

const field = (input: Record<string, unknown>): Field => fieldSchema.parse({ id: "f1", key: "x", ...input });
const form = (input: { title?: string; description?: string; blocks: unknown[] }) =>
  formDefinitionSchema.parse({ schemaVersion: 1, ...input });

type BlockCase = { name: string; input: Record<string, unknown>; schema: object; uiSchema: object };

const blockCases: BlockCase[] = [
  {
    name: "text, optional",
    input: { type: "text", label: "Company" },
    schema: { title: "Company", type: "string" },
    uiSchema: {},
  },
  {
    name: "text, required: rejects the empty string",
    input: { type: "text", label: "Name", required: true },
    schema: { title: "Name", type: "string", minLength: 1 },
    uiSchema: {},
  },
  {
    name: "text, required with its own bounds",
    input: { type: "text", label: "Code", required: true, minLength: 3, maxLength: 8 },
    schema: { title: "Code", type: "string", minLength: 3, maxLength: 8 },
    uiSchema: {},
  },
  {
    name: "text with help, placeholder, read-only and default",
    input: {
      type: "text",
      label: "Source",
      help: "Where the lead came from",
      placeholder: "e.g. fair",
      readOnly: true,
      default: "phone",
    },
    schema: { title: "Source", type: "string", readOnly: true, default: "phone" },
    uiSchema: { "ui:help": "Where the lead came from", "ui:placeholder": "e.g. fair" },
  },
  {
    name: "longText, required with a maximum",
    input: { type: "longText", label: "Notes", required: true, maxLength: 2000 },
    schema: { title: "Notes", type: "string", minLength: 1, maxLength: 2000 },
    uiSchema: { "ui:widget": "textarea" },
  },
  {
    name: "number with bounds and default",
    input: { type: "number", label: "Amount", minimum: 0, maximum: 1000000, default: 100 },
    schema: { title: "Amount", type: "number", minimum: 0, maximum: 1000000, default: 100 },
    uiSchema: {},
  },
  {
    name: "number, integer",
    input: { type: "number", label: "Quantity", integer: true, minimum: 1 },
    schema: { title: "Quantity", type: "integer", minimum: 1 },
    uiSchema: {},
  },
  {
    name: "date",
    input: { type: "date", label: "Call again on", required: true },
    schema: { title: "Call again on", type: "string", format: "date" },
    uiSchema: {},
  },
  {
    name: "select with default",
    input: {
      type: "select",
      label: "Outcome",
      default: "callAgain",
      options: [
        { value: "converted", label: "Converted" },
        { value: "callAgain", label: "Call again" },
      ],
    },
    schema: {
      title: "Outcome",
      type: "string",
      oneOf: [
        { const: "converted", title: "Converted" },
        { const: "callAgain", title: "Call again" },
      ],
      default: "callAgain",
    },
    uiSchema: {},
  },
  {
    name: "select without options accepts no value",
    input: { type: "select", label: "Empty", options: [] },
    schema: { title: "Empty", type: "string", not: {} },
    uiSchema: {},
  },
  {
    name: "yesNo with default No",
    input: { type: "yesNo", label: "Personal file exists?", default: false },
    schema: {
      title: "Personal file exists?",
      type: "boolean",
      oneOf: [
        { const: true, title: "Yes" },
        { const: false, title: "No" },
      ],
      default: false,
    },
    uiSchema: { "ui:widget": "radio" },
  },
  {
    name: "email",
    input: { type: "email", label: "E-mail", placeholder: "name@example.com" },
    schema: { title: "E-mail", type: "string", format: "email" },
    uiSchema: { "ui:placeholder": "name@example.com" },
  },
  {
    name: "phone",
    input: { type: "phone", label: "Phone", required: true },
    schema: {
      title: "Phone",
      type: "string",
      pattern: PHONE_PATTERN,
      errorMessage: { pattern: "Phone must be a phone number: 6 to 20 digits, spaces, +, - or parentheses." },
    },
    uiSchema: { "ui:options": { inputType: "tel" } },
  },
  {
    name: "text with a pattern and its message",
    input: { type: "text", label: "IBAN", pattern: "^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$", patternMessage: "Enter the IBAN without spaces, e.g. DE89370400440532013000." },
    schema: {
      title: "IBAN",
      type: "string",
      pattern: "^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$",
      errorMessage: { pattern: "Enter the IBAN without spaces, e.g. DE89370400440532013000." },
    },
    uiSchema: {},
  },
  {
    name: "longText with a minimum length",
    input: { type: "longText", label: "Reason", minLength: 20 },
    schema: { title: "Reason", type: "string", minLength: 20 },
    uiSchema: { "ui:widget": "textarea" },
  },
  {
    name: "currency in euros: cents, bounds, the symbol's currency for the widget",
    input: { type: "currency", label: "Amount", currency: "EUR", minimum: 1000, maximum: 1000000, required: true },
    schema: {
      title: "Amount",
      type: "number",
      minimum: 1000,
      maximum: 1000000,
      multipleOf: 0.01,
      errorMessage: { multipleOf: "Amount can have at most 2 decimal places." },
    },
    uiSchema: { "ui:widget": "currency", "ui:options": { currency: "EUR" } },
  },
  {
    name: "currency in yen: whole amounts",
    input: { type: "currency", label: "Price", currency: "JPY", default: 500 },
    schema: {
      title: "Price",
      type: "number",
      multipleOf: 1,
      errorMessage: { multipleOf: "Price must be a whole amount of JPY." },
      default: 500,
    },
    uiSchema: { "ui:widget": "currency", "ui:options": { currency: "JPY" } },
  },
  {
    name: "percent",
    input: { type: "percent", label: "Interest rate", minimum: 0, maximum: 30 },
    schema: { title: "Interest rate", type: "number", minimum: 0, maximum: 30 },
    uiSchema: { "ui:widget": "percent" },
  },
  {
    name: "dateTime",
    input: { type: "dateTime", label: "Appointment", help: "Your local time" },
    schema: { title: "Appointment", type: "string", format: "date-time" },
    uiSchema: { "ui:widget": "dateTime", "ui:help": "Your local time" },
  },
  {
    name: "url: http(s) only, one message",
    input: { type: "url", label: "Website" },
    schema: {
      title: "Website",
      type: "string",
      format: "uri",
      pattern: URL_PATTERN,
      errorMessage: {
        format: "Website must be a web address starting with http:// or https://.",
        pattern: "Website must be a web address starting with http:// or https://.",
      },
    },
    uiSchema: { "ui:options": { inputType: "url" } },
  },
  {
    name: "radio",
    input: { type: "radio", label: "Card", options: [{ value: "gold", label: "Gold" }] },
    schema: { title: "Card", type: "string", oneOf: [{ const: "gold", title: "Gold" }] },
    uiSchema: { "ui:widget": "radio" },
  },
  {
    name: "select with options from a variable: any text here, the rules check it",
    input: { type: "select", label: "Product", optionsFrom: { variable: "catalogue.products" } },
    schema: { title: "Product", type: "string" },
    uiSchema: {},
  },
  {
    name: "multiSelect, required: at least one choice",
    input: { type: "multiSelect", label: "Countries", required: true, options: [{ value: "de", label: "Germany" }, { value: "fr", label: "France" }] },
    schema: {
      title: "Countries",
      type: "array",
      items: { type: "string", oneOf: [{ const: "de", title: "Germany" }, { const: "fr", title: "France" }] },
      uniqueItems: true,
      minItems: 1,
    },
    uiSchema: { "ui:widget": "multiSelect" },
  },
  {
    name: "checkboxes with a default",
    input: { type: "checkboxes", label: "Benefits", default: ["lounge"], options: [{ value: "lounge", label: "Airport lounge" }] },
    schema: {
      title: "Benefits",
      type: "array",
      items: { type: "string", oneOf: [{ const: "lounge", title: "Airport lounge" }] },
      uniqueItems: true,
      default: ["lounge"],
    },
    uiSchema: { "ui:widget": "checkboxes" },
  },
  {
    name: "checkboxes from a variable",
    input: { type: "checkboxes", label: "Documents", optionsFrom: { variable: "documents" } },
    schema: { title: "Documents", type: "array", items: { type: "string" }, uniqueItems: true },
    uiSchema: { "ui:widget": "checkboxes" },
  },
  {
    name: "user picker, required",
    input: { type: "user", label: "Credit officer", required: true },
    schema: { title: "Credit officer", type: "string", minLength: 1 },
    uiSchema: { "ui:widget": "userPicker" },
  },
  {
    name: "group picker",
    input: { type: "group", label: "Team" },
    schema: { title: "Team", type: "string" },
    uiSchema: { "ui:widget": "groupPicker" },
  },
  {
    name: "attachment, optional: at most one file, each as the upload answered it",
    input: { type: "attachment", label: "Payslip" },
    schema: {
      title: "Payslip",
      type: "array",
      items: {
        type: "object",
        required: ["id", "name", "size", "contentType"],
        properties: {
          id: { type: "string", format: "uuid" },
          name: { type: "string", minLength: 1 },
          size: { type: "integer", minimum: 0, maximum: 10 * 1024 * 1024 },
          contentType: { type: "string" },
        },
        additionalProperties: false,
      },
      maxItems: 1,
    },
    uiSchema: { "ui:field": "attachment", "ui:options": { maxSizeMb: 10, multiple: false } },
  },
  {
    name: "attachment, required, several files of given types and size",
    input: { type: "attachment", label: "Documents", required: true, multiple: true, maxSizeMb: 2.5, accept: ["application/pdf", "image/*", ".docx"], help: "Scans" },
    schema: {
      title: "Documents",
      type: "array",
      items: {
        type: "object",
        required: ["id", "name", "size", "contentType"],
        properties: {
          id: { type: "string", format: "uuid" },
          name: { type: "string", minLength: 1 },
          size: { type: "integer", minimum: 0, maximum: 2621440 },
          contentType: { type: "string" },
        },
        additionalProperties: false,
      },
      minItems: 1,
    },
    uiSchema: {
      "ui:field": "attachment",
      "ui:options": { maxSizeMb: 2.5, multiple: true, accept: ["application/pdf", "image/*", ".docx"] },
      "ui:help": "Scans",
    },
  },
  {
    name: "table: rows of its columns, a required row, a total",
    input: {
      type: "table",
      label: "Existing loans",
      required: true,
      maxRows: 10,
      totalOf: "monthly",
      columns: [
        { id: "c1", type: "text", key: "lender", label: "Lender", required: true },
        { id: "c2", type: "currency", key: "monthly", label: "Monthly payment", currency: "EUR", minimum: 0 },
        { id: "c3", type: "select", key: "kind", label: "Kind", options: [{ value: "car", label: "Car" }] },
      ],
    },
    schema: {
      title: "Existing loans",
      type: "array",
      items: {
        type: "object",
        properties: {
          lender: { title: "Lender", type: "string", minLength: 1 },
          monthly: {
            title: "Monthly payment",
            type: "number",
            minimum: 0,
            multipleOf: 0.01,
            errorMessage: { multipleOf: "Monthly payment can have at most 2 decimal places." },
          },
          kind: { title: "Kind", type: "string", oneOf: [{ const: "car", title: "Car" }] },
        },
        required: ["lender"],
        additionalProperties: false,
      },
      minItems: 1,
      maxItems: 10,
    },
    uiSchema: {
      "ui:options": {
        table: true,
        orderable: false,
        total: { column: "monthly", label: "Total monthly payment", currency: "EUR" },
      },
      items: {
        "ui:options": { tableRow: true },
        "ui:order": ["lender", "monthly", "kind"],
        monthly: { "ui:widget": "currency", "ui:options": { currency: "EUR" } },
      },
    },
  },
];

describe("field blocks", () => {
  test.each(blockCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(compileField(field(c.input))).toEqual({ schema: c.schema, uiSchema: c.uiSchema });
  });

  test("every field type has a case above and a registered block", () => {
    const covered = new Set(blockCases.map((c) => c.input.type));
    expect(fieldTypes.filter((t) => !covered.has(t))).toEqual([]);
    expect(Object.keys(blockRegistry).sort()).toEqual([...fieldTypes, ...layoutBlockTypes].sort());
  });

  test("every compiled block is a valid draft-07 schema", () => {
    const ajv = new Ajv({ strict: false });
    for (const c of blockCases) {
      expect(ajv.validateSchema(compileField(field(c.input)).schema), c.name).toBe(true);
    }
  });

  test("each palette block creates a block the model accepts and compiles", () => {
    for (const spec of paletteBlocks) {
      if (spec.kind === "layout") {
        const created = spec.create({ id: "b1" });
        expect(formBlockSchema.parse(created)).toEqual(created);
        expect(created.type).toBe(spec.type);
        expect(() => compileForm(form({ blocks: [created] }))).not.toThrow();
        continue;
      }
      const created = spec.create({ id: "f9", key: "answer" });
      expect(fieldSchema.parse(created)).toEqual(created);
      expect(created.type).toBe(spec.type);
      expect(() => compileField(created)).not.toThrow();
    }
  });
});

describe("compileForm", () => {
  const lead = form({
    title: "New lead",
    description: "Log a prospect who called.",
    blocks: [
      { id: "f-source", type: "text", key: "source", label: "Source", readOnly: true, default: "phone" },
      {
        id: "sec-prospect",
        type: "section",
        title: "Prospect",
        description: "Who called",
        children: [
          { id: "f-name", type: "text", key: "name", label: "Name", required: true },
          {
            id: "sec-contact",
            type: "section",
            title: "Contact",
            children: [{ id: "f-phone", type: "phone", key: "phone", label: "Phone", required: true }],
          },
        ],
      },
      { id: "f-notes", type: "longText", key: "notes", label: "Notes" },
    ],
  });

  test("flattens sections into one object schema and keeps the grouping in the uiSchema", () => {
    expect(compileForm(lead)).toEqual({
      schema: {
        $schema: "http://json-schema.org/draft-07/schema#",
        type: "object",
        title: "New lead",
        description: "Log a prospect who called.",
        properties: {
          source: { title: "Source", type: "string", readOnly: true, default: "phone" },
          name: { title: "Name", type: "string", minLength: 1 },
          phone: {
            title: "Phone",
            type: "string",
            pattern: PHONE_PATTERN,
            errorMessage: { pattern: "Phone must be a phone number: 6 to 20 digits, spaces, +, - or parentheses." },
          },
          notes: { title: "Notes", type: "string" },
        },
        required: ["name", "phone"],
        additionalProperties: false,
      },
      uiSchema: {
        "ui:order": ["source", "name", "phone", "notes"],
        "ui:layout": [
          { type: "field", key: "source" },
          {
            type: "section",
            id: "sec-prospect",
            title: "Prospect",
            description: "Who called",
            items: [
              { type: "field", key: "name" },
              { type: "section", id: "sec-contact", title: "Contact", items: [{ type: "field", key: "phone" }] },
            ],
          },
          { type: "field", key: "notes" },
        ],
        // The read-only first field is skipped: focus goes where one can type.
        name: { "ui:autofocus": true },
        phone: { "ui:options": { inputType: "tel" } },
        notes: { "ui:widget": "textarea" },
      },
    });
  });

  test("a form without sections has no layout and an empty required list when nothing is required", () => {
    expect(compileForm(form({ blocks: [{ id: "f1", type: "email", key: "email", label: "E-mail" }] }))).toEqual({
      schema: {
        $schema: "http://json-schema.org/draft-07/schema#",
        type: "object",
        properties: { email: { title: "E-mail", type: "string", format: "email" } },
        required: [],
        additionalProperties: false,
      },
      uiSchema: { "ui:order": ["email"], email: { "ui:autofocus": true } },
    });
  });

  test("an empty form compiles to an object that accepts only {}", () => {
    expect(compileForm(form({ blocks: [] }))).toEqual({
      schema: {
        $schema: "http://json-schema.org/draft-07/schema#",
        type: "object",
        properties: {},
        required: [],
        additionalProperties: false,
      },
      uiSchema: { "ui:order": [] },
    });
  });

  test("a key used twice keeps its first field (validate reports the duplicate)", () => {
    const compiled = compileForm(
      form({
        blocks: [
          { id: "f1", type: "text", key: "name", label: "Name" },
          { id: "f2", type: "number", key: "name", label: "Name again", required: true },
        ],
      }),
    );
    expect(compiled.schema.properties).toEqual({ name: { title: "Name", type: "string" } });
    expect(compiled.schema.required).toEqual([]);
    expect(compiled.uiSchema["ui:order"]).toEqual(["name"]);
  });

  test("a key that is also an Object.prototype member is still a field", () => {
    const compiled = compileForm(form({ blocks: [{ id: "f1", type: "text", key: "constructor", label: "Builder" }] }));
    expect(compiled.schema.properties).toEqual({ constructor: { title: "Builder", type: "string" } });
  });
});
