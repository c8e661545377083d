import type { FormDefinition, OutputMapping } from "@baton/model";
import { FormFieldsEditor } from "../editors/FormFieldsEditor.tsx";
import { MappingsEditor } from "../editors/MappingsEditor.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

type Props = { stepId: string; title: string; form: FormDefinition | undefined; outputs: OutputMapping[] | undefined };

/** A step's form and what of it goes into the process variables (the start and user tasks). */
export function FormSections({ stepId, title, form, outputs }: Props) {
  const update = useStepUpdate(stepId);
  const { readOnly } = useProperties();
  return (
    <>
      <PropertySection title={title}>
        <FormFieldsEditor stepId={stepId} form={form} />
      </PropertySection>
      <PropertySection title="Saved to process variables">
        <MappingsEditor
          value={outputs}
          readOnly={readOnly}
          allowCopyAll
          fromLabel="From form"
          toLabel="Into variable"
          fromContext="over the submitted form"
          onChange={(next) => update({ outputs: next })}
        />
      </PropertySection>
    </>
  );
}
