import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, EXAMPLE_OPTIONS, multiChoiceSchema } from "./common.ts";

type CheckboxesField = Extract<Field, { type: "checkboxes" }>;

/** Several values from a short list, each a checkbox. */
export const checkboxesBlock: FieldBlockSpec<CheckboxesField> = {
  kind: "field",
  type: "checkboxes",
  label: "Checkboxes",
  create: ({ id, key }) => ({ id, key, type: "checkboxes", label: "Tick all that apply", required: false, options: [...EXAMPLE_OPTIONS] }),
  compile: (field) => ({
    schema: baseSchema(field, multiChoiceSchema(field)),
    uiSchema: baseUi(field, { "ui:widget": "checkboxes" }),
  }),
};
