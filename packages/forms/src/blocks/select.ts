import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type SelectField = Extract<Field, { type: "select" }>;

/**
 * One value from a list; `oneOf` with `const` + `title` keeps each option's
 * label next to its value. JSON Schema forbids an empty `oneOf`, so a select
 * without options (a draft `validate` already flags) accepts no value.
 */
export const selectBlock: FieldBlockSpec<SelectField> = {
  kind: "field",
  type: "select",
  label: "Choice",
  create: ({ id, key }) => ({
    id,
    key,
    type: "select",
    label: "Choice",
    required: false,
    options: [
      { value: "option1", label: "Option 1" },
      { value: "option2", label: "Option 2" },
    ],
  }),
  compile: (field) => ({
    schema: baseSchema(field, {
      type: "string",
      ...(field.options.length > 0
        ? { oneOf: field.options.map((o) => ({ const: o.value, title: o.label })) }
        : { not: {} }),
    }),
    uiSchema: baseUi(field),
  }),
};
