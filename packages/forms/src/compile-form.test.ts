import { type Field, fieldSchema, fieldTypes, formDefinitionSchema } from "@baton/model";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.ts";
import { PHONE_PATTERN } from "./blocks/phone.ts";
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
];

describe("field blocks", () => {
  test.each(blockCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(compileField(field(c.input))).toEqual({ schema: c.schema, uiSchema: c.uiSchema });
  });

  test("every field type has a case above and a registered block", () => {
    const covered = new Set(blockCases.map((c) => c.input.type));
    expect(fieldTypes.filter((t) => !covered.has(t))).toEqual([]);
    expect(Object.keys(blockRegistry).sort()).toEqual([...fieldTypes, "section"].sort());
  });

  test("every compiled block is a valid draft-07 schema", () => {
    const ajv = new Ajv({ strict: false });
    for (const c of blockCases) {
      expect(ajv.validateSchema(compileField(field(c.input)).schema), c.name).toBe(true);
    }
  });

  test("each palette block creates a block the model accepts and compiles", () => {
    for (const spec of paletteBlocks) {
      if (spec.kind === "section") {
        expect(spec.create({ id: "s1" })).toEqual({ id: "s1", type: "section", title: "Section", children: [] });
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
