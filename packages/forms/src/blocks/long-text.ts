import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, minLengthOf } from "./common.ts";

type LongTextField = Extract<Field, { type: "longText" }>;

/** Several lines of text (notes, descriptions), shown as a text area. */
export const longTextBlock: FieldBlockSpec<LongTextField> = {
  kind: "field",
  type: "longText",
  label: "Long text",
  create: ({ id, key }) => ({ id, key, type: "longText", label: "Long text", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, {
      type: "string",
      ...minLengthOf(field.required, field.minLength),
      ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
    }),
    uiSchema: baseUi(field, { "ui:widget": "textarea" }),
  }),
};
