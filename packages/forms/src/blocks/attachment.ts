import type { Field } from "@baton/model";
import type { FieldBlockSpec, JsonSchema } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type AttachmentField = Extract<Field, { type: "attachment" }>;

/** One uploaded file as the form data holds it; the bytes stay in the attachments table. */
function fileSchema(maxSizeMb: number): JsonSchema {
  return {
    type: "object",
    required: ["id", "name", "size", "contentType"],
    properties: {
      id: { type: "string", format: "uuid" },
      name: { type: "string", minLength: 1 },
      size: { type: "integer", minimum: 0, maximum: Math.floor(maxSizeMb * 1024 * 1024) },
      contentType: { type: "string" },
    },
  };
}

/** Files uploaded while filling the form (widget `attachment`, uploading through `formContext.uploadFile`). */
export const attachmentBlock: FieldBlockSpec<AttachmentField> = {
  kind: "field",
  type: "attachment",
  label: "Attachment",
  create: ({ id, key }) => ({ id, key, type: "attachment", label: "Attachment", required: false, maxSizeMb: 10, multiple: false }),
  compile: (field) => {
    const file = fileSchema(field.maxSizeMb);
    const options = { maxSizeMb: field.maxSizeMb, multiple: field.multiple, ...(field.accept ? { accept: field.accept } : {}) };
    return {
      schema: baseSchema(
        field,
        field.multiple ? { type: "array", items: file, ...(field.required ? { minItems: 1 } : {}) } : file,
      ),
      uiSchema: baseUi(field, { "ui:field": "attachment", "ui:options": options }),
    };
  },
};
