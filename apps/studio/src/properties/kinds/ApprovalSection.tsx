import type { ApprovalStep, CompletionRule } from "@baton/model";
import { AssignmentEditor } from "../editors/AssignmentEditor.tsx";
import { CheckboxField } from "../editors/CheckboxField.tsx";
import { DueRuleEditor } from "../editors/DueRuleEditor.tsx";
import { EscalationEditor } from "../editors/EscalationEditor.tsx";
import { FormFieldsEditor } from "../editors/FormFieldsEditor.tsx";
import { SelectField } from "../editors/SelectField.tsx";
import { TextField } from "../editors/TextField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

const rules = [
  { value: "all", label: "Everyone approves" },
  { value: "any", label: "Anyone approves" },
  { value: "majority", label: "A majority approves" },
  { value: "count", label: "A number of approvals" },
  { value: "percentage", label: "A share of approvals" },
] as const;

function ruleOf(type: (typeof rules)[number]["value"]): CompletionRule {
  if (type === "count") return { type, count: 2 };
  if (type === "percentage") return { type, percent: 50 };
  return { type };
}

/** An approval: one approver, or several voting together or in turn; the result lands in a variable. */
export function ApprovalSection({ step }: { step: ApprovalStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
  const several = step.several;
  return (
    <>
      <PropertySection title="Approvers">
        <AssignmentEditor label="Approved by" value={step.approvers} onChange={(approvers) => update({ approvers })} />
        <CheckboxField
          label="Several approvers vote"
          checked={Boolean(several)}
          disabled={readOnly}
          note="For a group, or an expression yielding a list of users."
          onChange={(on) => update({ several: on ? { mode: "parallel", rule: { type: "all" } } : undefined })}
        />
        {several && (
          <>
            <SelectField
              label="They vote"
              value={several.mode}
              disabled={readOnly}
              options={[
                { value: "parallel", label: "At the same time" },
                { value: "sequential", label: "One after another" },
              ]}
              onChange={(mode) => update({ several: { ...several, mode } })}
            />
            <SelectField
              label="Approved when"
              value={several.rule.type === "expression" ? "all" : several.rule.type}
              disabled={readOnly}
              options={rules}
              onChange={(type) => update({ several: { ...several, rule: ruleOf(type) } })}
            />
            {several.rule.type === "count" && (
              <TextField
                label="Approvals needed"
                type="number"
                value={String(several.rule.count)}
                readOnly={readOnly}
                validate={(t) => (/^[1-9]\d*$/.test(t.trim()) ? null : "A whole number, at least 1.")}
                onCommit={(t) => update({ several: { ...several, rule: { type: "count", count: Number(t) } } })}
              />
            )}
            {several.rule.type === "percentage" && (
              <TextField
                label="Share needed (%)"
                type="number"
                value={String(several.rule.percent)}
                readOnly={readOnly}
                validate={(t) => (Number(t) >= 1 && Number(t) <= 100 ? null : "Between 1 and 100.")}
                onCommit={(t) => update({ several: { ...several, rule: { type: "percentage", percent: Number(t) } } })}
              />
            )}
          </>
        )}
        <CheckboxField label="Four eyes: not the starter, nor an earlier approver" checked={step.fourEyes} disabled={readOnly} onChange={(fourEyes) => update({ fourEyes })} />
        <DueRuleEditor value={step.due} onChange={(due) => update({ due })} />
        <EscalationEditor levels={step.escalations} hasDue={Boolean(step.due)} defaultRecipient={step.approvers} onChange={(escalations) => update({ escalations })} />
        <TextField
          label="Result variable"
          mono
          value={step.resultVariable}
          readOnly={readOnly}
          validate={(t) => (/^[A-Za-z][A-Za-z0-9_]*$/.test(t.trim()) ? null : "Letters, digits and _, starting with a letter.")}
          hint="Holds the outcome, for a decision after it."
          onCommit={(resultVariable) => update({ resultVariable: resultVariable.trim() })}
        />
      </PropertySection>
      <PropertySection title="Extra form fields">
        <FormFieldsEditor stepId={step.id} form={step.form} />
      </PropertySection>
    </>
  );
}
