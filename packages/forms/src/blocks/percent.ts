import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, boundsOf } from "./common.ts";

type PercentField = Extract<Field, { type: "percent" }>;

/** A percentage as written (12.5 means 12.5 %); the widget shows the % sign. */
export const percentBlock: FieldBlockSpec<PercentField> = {
  kind: "field",
  type: "percent",
  label: "Percent",
  create: ({ id, key }) => ({ id, key, type: "percent", label: "Percent", required: false, minimum: 0, maximum: 100 }),
  compile: (field) => ({
    schema: baseSchema(field, { type: "number", ...boundsOf(field) }),
    uiSchema: baseUi(field, { "ui:widget": "percent" }),
  }),
};
