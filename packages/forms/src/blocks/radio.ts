import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, EXAMPLE_OPTIONS, singleChoiceSchema } from "./common.ts";

type RadioField = Extract<Field, { type: "radio" }>;

/** One value from a short list, all options in view as radio buttons. */
export const radioBlock: FieldBlockSpec<RadioField> = {
  kind: "field",
  type: "radio",
  label: "Radio buttons",
  create: ({ id, key }) => ({ id, key, type: "radio", label: "Choose one", required: false, options: [...EXAMPLE_OPTIONS] }),
  compile: (field) => ({
    schema: baseSchema(field, singleChoiceSchema(field)),
    uiSchema: baseUi(field, { "ui:widget": "radio" }),
  }),
};
