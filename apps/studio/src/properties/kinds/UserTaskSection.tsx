import type { UserTaskStep } from "@baton/model";
import { AssignmentEditor } from "../editors/AssignmentEditor.tsx";
import { DueRuleEditor } from "../editors/DueRuleEditor.tsx";
import { FormFieldsEditor } from "../editors/FormFieldsEditor.tsx";
import { MappingsEditor } from "../editors/MappingsEditor.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

/** A user task: who, when, its form, and what it saves to the variables. */
export function UserTaskSection({ step }: { step: UserTaskStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
  return (
    <>
      <PropertySection title="Who and when">
        <AssignmentEditor label="Assigned to" value={step.assignment} onChange={(assignment) => update({ assignment })} />
        <DueRuleEditor value={step.due} onChange={(due) => update({ due })} />
      </PropertySection>
      <PropertySection title="Form">
        <FormFieldsEditor stepId={step.id} form={step.form} />
      </PropertySection>
      <PropertySection title="Saved to process variables">
        <MappingsEditor
          value={step.outputs}
          readOnly={readOnly}
          allowCopyAll
          fromLabel="From form"
          toLabel="Into variable"
          fromContext="over the submitted form"
          onChange={(outputs) => update({ outputs })}
        />
      </PropertySection>
    </>
  );
}
