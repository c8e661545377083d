import type { UserTaskStep } from "@baton/model";
import { AssignmentEditor } from "../editors/AssignmentEditor.tsx";
import { DueRuleEditor } from "../editors/DueRuleEditor.tsx";
import { EscalationEditor } from "../editors/EscalationEditor.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { FormSections } from "./FormSections.tsx";
import { useStepUpdate } from "./step-update.ts";

/** A user task: who, when, its form, and what it saves to the variables. */
export function UserTaskSection({ step }: { step: UserTaskStep }) {
  const update = useStepUpdate(step.id);
  return (
    <>
      <PropertySection title="Who and when">
        <AssignmentEditor label="Assigned to" value={step.assignment} strategies onChange={(assignment) => update({ assignment })} />
        <DueRuleEditor value={step.due} onChange={(due) => update({ due })} />
        <EscalationEditor levels={step.escalations} hasDue={Boolean(step.due)} defaultRecipient={step.assignment} onChange={(escalations) => update({ escalations })} />
      </PropertySection>
      <FormSections stepId={step.id} stepName={step.name.trim() || step.id} title="Form" form={step.form} outputs={step.outputs} />
    </>
  );
}
