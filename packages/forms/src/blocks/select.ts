import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, EXAMPLE_OPTIONS, singleChoiceSchema } from "./common.ts";

type SelectField = Extract<Field, { type: "select" }>;

/** One value from a drop-down list (see `singleChoiceSchema`). */
export const selectBlock: FieldBlockSpec<SelectField> = {
  kind: "field",
  type: "select",
  label: "Choice",
  create: ({ id, key }) => ({ id, key, type: "select", label: "Choice", required: false, options: [...EXAMPLE_OPTIONS] }),
  compile: (field) => ({
    schema: baseSchema(field, singleChoiceSchema(field)),
    uiSchema: baseUi(field),
  }),
};
