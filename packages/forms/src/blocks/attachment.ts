import type { Field } from "@baton/model";
import type { FieldBlockSpec, JsonSchema } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type AttachmentField = Extract<Field, { type: "attachment" }>;

/**
 * One uploaded file as the form data holds it: what the upload answered.
 * The bytes stay in the attachments table; the server checks on submit
 * that each file was uploaded by the submitter for this form and that
 * these details are the stored ones.
 */
export function attachmentFileSchema(maxSizeMb: number): JsonSchema {
  return {
    type: "object",
    required: ["id", "name", "size", "contentType"],
    properties: {
      id: { type: "string", format: "uuid" },
      name: { type: "string", minLength: 1 },
      size: { type: "integer", minimum: 0, maximum: Math.floor(maxSizeMb * 1024 * 1024) },
      contentType: { type: "string" },
    },
    additionalProperties: false,
  };
}

/**
 * Files uploaded while filling the form. The value is always a list (at
 * most one file unless `multiple`), so an empty field is `[]` and a
 * required one needs a file, like any other list. The portal's `attachment`
 * field uploads each file as it is picked (`formContext.attachments`).
 */
export const attachmentBlock: FieldBlockSpec<AttachmentField> = {
  kind: "field",
  type: "attachment",
  label: "Attachment",
  create: ({ id, key }) => ({ id, key, type: "attachment", label: "Attachment", required: false, maxSizeMb: 10, multiple: false }),
  compile: (field) => {
    const options = { maxSizeMb: field.maxSizeMb, multiple: field.multiple, ...(field.accept?.length ? { accept: field.accept } : {}) };
    return {
      schema: baseSchema(field, {
        type: "array",
        items: attachmentFileSchema(field.maxSizeMb),
        ...(field.required ? { minItems: 1 } : {}),
        ...(field.multiple ? {} : { maxItems: 1 }),
      }),
      uiSchema: baseUi(field, { "ui:field": "attachment", "ui:options": options }),
    };
  },
};
