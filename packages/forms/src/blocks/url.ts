import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type UrlField = Extract<Field, { type: "url" }>;

/** http or https, then something that is not blank. */
export const URL_PATTERN = "^https?://[^\\s/?#]+[^\\s]*$";

/**
 * A web address. `format: uri` alone would accept `javascript:` and
 * `mailto:` links; a link a colleague clicks must be http(s), hence the
 * pattern, with one readable message for both rules.
 */
export const urlBlock: FieldBlockSpec<UrlField> = {
  kind: "field",
  type: "url",
  label: "Web address",
  create: ({ id, key }) => ({ id, key, type: "url", label: "Web address", required: false }),
  compile: (field) => {
    const message = `${field.label} must be a web address starting with http:// or https://.`;
    return {
      schema: baseSchema(field, {
        type: "string",
        format: "uri",
        pattern: URL_PATTERN,
        errorMessage: { format: message, pattern: message },
      }),
      uiSchema: baseUi(field, { "ui:options": { inputType: "url" } }),
    };
  },
};
