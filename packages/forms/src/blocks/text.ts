import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, minLengthOf } from "./common.ts";

type TextField = Extract<Field, { type: "text" }>;

/** One line of text, optionally bounded in length. */
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
    }),
    uiSchema: baseUi(field),
  }),
};
