import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type EmailField = Extract<Field, { type: "email" }>;

/** An e-mail address (ajv-formats' `email`; rjsf shows an e-mail input). */
export const emailBlock: FieldBlockSpec<EmailField> = {
  kind: "field",
  type: "email",
  label: "E-mail",
  create: ({ id, key }) => ({ id, key, type: "email", label: "E-mail", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, { type: "string", format: "email" }),
    uiSchema: baseUi(field),
  }),
};
