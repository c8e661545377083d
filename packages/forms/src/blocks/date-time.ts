import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type DateTimeField = Extract<Field, { type: "dateTime" }>;

/**
 * A moment: ISO 8601 with a time zone (`format: date-time`, which ajv-formats
 * checks strictly). The widget takes local time and stores UTC.
 */
export const dateTimeBlock: FieldBlockSpec<DateTimeField> = {
  kind: "field",
  type: "dateTime",
  label: "Date and time",
  create: ({ id, key }) => ({ id, key, type: "dateTime", label: "Date and time", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, { type: "string", format: "date-time" }),
    uiSchema: baseUi(field, { "ui:widget": "dateTime" }),
  }),
};
