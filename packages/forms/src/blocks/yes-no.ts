import type { Field } from "@baton/model";
import type { FieldBlockSpec } from "../block-spec.ts";
import { baseSchema, baseUi } from "./common.ts";

type YesNoField = Extract<Field, { type: "yesNo" }>;

/**
 * A yes/no question as two radio buttons rather than a checkbox, so an
 * unanswered required question is visibly unanswered.
 */
export const yesNoBlock: FieldBlockSpec<YesNoField> = {
  kind: "field",
  type: "yesNo",
  label: "Yes / No",
  create: ({ id, key }) => ({ id, key, type: "yesNo", label: "Yes or no?", required: false }),
  compile: (field) => ({
    schema: baseSchema(field, {
      type: "boolean",
      oneOf: [
        { const: true, title: "Yes" },
        { const: false, title: "No" },
      ],
    }),
    uiSchema: baseUi(field, { "ui:widget": "radio" }),
  }),
};
