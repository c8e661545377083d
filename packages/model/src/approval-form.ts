import type { FormDefinition } from "./form-definition.ts";
import type { ApprovalStep } from "./process-definition.ts";

/** The keys every approval task's form has, after the step's own fields. */
export const APPROVAL_DECISION_KEY = "decision";
export const APPROVAL_COMMENT_KEY = "comment";
export const APPROVAL_DECISIONS = ["approve", "reject"] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/**
 * The form an approver fills: the step's extra fields (what to look at or
 * add), then the decision (approve or reject, required) and a comment,
 * required when rejecting so the submitter learns why. Published packages
 * compile this form, so the portal renders and the server validates it like
 * any task form.
 */
export function approvalForm(step: Pick<ApprovalStep, "id" | "form">): FormDefinition {
  return {
    schemaVersion: 1,
    ...(step.form?.title ? { title: step.form.title } : {}),
    ...(step.form?.description ? { description: step.form.description } : {}),
    blocks: [
      ...(step.form?.blocks ?? []),
      {
        id: `${step.id}__decision`,
        type: "radio",
        key: APPROVAL_DECISION_KEY,
        label: "Your decision",
        required: true,
        options: [
          { value: "approve", label: "Approve" },
          { value: "reject", label: "Reject" },
        ],
      },
      {
        id: `${step.id}__comment`,
        type: "longText",
        key: APPROVAL_COMMENT_KEY,
        label: "Comment",
        required: false,
        requiredIf: `${APPROVAL_DECISION_KEY} = "reject"`,
        help: "Required when you reject: say what needs to change.",
      },
    ],
  };
}
