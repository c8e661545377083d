import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi, minLengthOf } from "./common.ts";

type UserField = Extract<Field, { type: "user" }>;

/**
 * A person from the directory, stored as the user name (what assignments
 * read). The widget searches the users the page passes in `formContext`.
 */
export const userPickerBlock: FieldBlockSpec<UserField> = {
  kind: "field",
  type: "user",
  label: "User picker",
  create: ({ id, key }) => ({ id, key, type: "user", label: "Person", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, { type: "string", ...minLengthOf(field.required, undefined) }),
    uiSchema: baseUi(field, { "ui:widget": "userPicker" }),
  }),
};
