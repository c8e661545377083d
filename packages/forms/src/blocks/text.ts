import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, minLengthOf } from "./common.ts";

type TextField = Extract<Field, { type: "text" }>;

/**
 * One line of text, optionally bounded in length and matched against a
 * pattern. The pattern's readable message rides along in `errorMessage`
 * (ajv-errors' shape, keyed by keyword), which the server and the browser
 * show instead of "is not in the expected format".
 */
export const textBlock: FieldBlockSpec<TextField> = {
  kind: "field",
  type: "text",
  label: "Text",
  create: ({ id, key }) => ({ id, key, type: "text", label: "Text", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, {
      type: "string",
      ...minLengthOf(field.required, field.minLength),
      ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
      ...(field.pattern !== undefined ? { pattern: field.pattern } : {}),
      ...(field.pattern !== undefined && field.patternMessage ? { errorMessage: { pattern: field.patternMessage } } : {}),
    }),
    uiSchema: baseUi(field),
  }),
};
