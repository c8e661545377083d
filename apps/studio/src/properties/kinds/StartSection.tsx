import type { StartStep } from "@baton/model";
import { CheckboxField } from "../editors/CheckboxField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { FormSections } from "./FormSections.tsx";
import { StartTriggerSection } from "./StartTriggerSection.tsx";
import { useStepUpdate } from "./step-update.ts";

/** The start: who may start, what else starts it (a message, a timer), the start form, and what it saves. */
export function StartSection({ step }: { step: StartStep }) {
  const update = useStepUpdate(step.id);
  const { directory, readOnly } = useProperties();
  const groups = directory?.groups ?? step.starters.map((key) => ({ key, name: key }));
  const toggle = (key: string, on: boolean) =>
    update({ starters: on ? [...step.starters, key] : step.starters.filter((k) => k !== key) });
  return (
    <>
      <PropertySection title="Who may start">
        <p className="prop-field-hint">{step.starters.length === 0 ? "Every user may start it. Tick groups to limit it." : "Only members of the ticked groups."}</p>
        {groups.map((g) => (
          <CheckboxField key={g.key} label={g.name} checked={step.starters.includes(g.key)} disabled={readOnly} onChange={(on) => toggle(g.key, on)} />
        ))}
      </PropertySection>
      {step.parent === undefined && <StartTriggerSection step={step} />}
      <FormSections stepId={step.id} stepName={step.name.trim() || step.id} title="Start form" form={step.form} outputs={step.outputs} />
    </>
  );
}
