import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, minLengthOf } from "./common.ts";

type GroupField = Extract<Field, { type: "group" }>;

/** A group from the directory, stored as the group key (what assignments read). */
export const groupPickerBlock: FieldBlockSpec<GroupField> = {
  kind: "field",
  type: "group",
  label: "Group picker",
  create: ({ id, key }) => ({ id, key, type: "group", label: "Group", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, { type: "string", ...minLengthOf(field.required, undefined) }),
    uiSchema: baseUi(field, { "ui:widget": "groupPicker" }),
  }),
};
