import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type DateField = Extract<Field, { type: "date" }>;

/** A calendar date, stored as `YYYY-MM-DD` (rjsf shows a date picker for it). */
export const dateBlock: FieldBlockSpec<DateField> = {
  kind: "field",
  type: "date",
  label: "Date",
  create: ({ id, key }) => ({ id, key, type: "date", label: "Date", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, { type: "string", format: "date" }),
    uiSchema: baseUi(field),
  }),
};
