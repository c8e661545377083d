import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type PhoneField = Extract<Field, { type: "phone" }>;

/**
 * 6 to 20 characters of digits, spaces, +, - and parentheses, with at least
 * 6 digits (so "(--)" is not a number). Loose on purpose: numbers are written
 * in many national styles, and a person calls them, not a machine.
 */
export const PHONE_PATTERN = "^(?=(?:\\D*\\d){6})[0-9+() -]{6,20}$";

/**
 * A phone number. The readable message rides along in `errorMessage`
 * (ajv-errors' shape, keyed by keyword), which `validate-data.ts` and the
 * browser's error formatting use instead of ajv's "must match pattern".
 */
export const phoneBlock: FieldBlockSpec<PhoneField> = {
  kind: "field",
  type: "phone",
  label: "Phone",
  create: ({ id, key }) => ({ id, key, type: "phone", label: "Phone", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, {
      type: "string",
      pattern: PHONE_PATTERN,
      errorMessage: {
        pattern: `${field.label} must be a phone number: 6 to 20 digits, spaces, +, - or parentheses.`,
      },
    }),
    uiSchema: baseUi(field, { "ui:options": { inputType: "tel" } }),
  }),
};
