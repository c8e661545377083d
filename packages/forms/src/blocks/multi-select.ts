import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, EXAMPLE_OPTIONS, multiChoiceSchema } from "./common.ts";

type MultiSelectField = Extract<Field, { type: "multiSelect" }>;

/** Several values from a long list: a searchable list with the choices shown as chips. */
export const multiSelectBlock: FieldBlockSpec<MultiSelectField> = {
  kind: "field",
  type: "multiSelect",
  label: "Multi-select",
  create: ({ id, key }) => ({ id, key, type: "multiSelect", label: "Choose any", required: false, options: [...EXAMPLE_OPTIONS] }),
  compile: (field) => ({
    schema: baseSchema(field, multiChoiceSchema(field)),
    uiSchema: baseUi(field, { "ui:widget": "multiSelect" }),
  }),
};
