import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, boundsOf } from "./common.ts";

type NumberField = Extract<Field, { type: "number" }>;

/** A number, or a whole number when `integer` is set, optionally bounded. */
export const numberBlock: FieldBlockSpec<NumberField> = {
  kind: "field",
  type: "number",
  label: "Number",
  create: ({ id, key }) => ({ id, key, type: "number", label: "Number", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, { type: field.integer ? "integer" : "number", ...boundsOf(field) }),
    uiSchema: baseUi(field),
  }),
};
