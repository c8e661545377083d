import { processKeySchema, type CallActivityStep } from "@baton/model";
import { MappingsEditor } from "../editors/MappingsEditor.tsx";
import { SelectField } from "../editors/SelectField.tsx";
import { TextField } from "../editors/TextField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

/** Runs another published process and waits for it: which one, what goes in, what comes back. */
export function CallActivitySection({ step }: { step: CallActivityStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly, processKeys } = useProperties();
  const keys = processKeys.includes(step.processKey) ? processKeys : [step.processKey, ...processKeys];
  return (
    <>
      <PropertySection title="Process to run">
        {keys.length > 1 ? (
          <SelectField label="Process" value={step.processKey} disabled={readOnly} options={keys.map((k) => ({ value: k, label: k }))} onChange={(processKey) => update({ processKey })} />
        ) : (
          <TextField
            label="Process key"
            mono
            value={step.processKey}
            readOnly={readOnly}
            validate={(t) => (processKeySchema.safeParse(t.trim()).success ? null : "A process key: lower-case letters, digits and -.")}
            onCommit={(processKey) => update({ processKey: processKey.trim() })}
          />
        )}
      </PropertySection>
      <PropertySection title="Passed in">
        <MappingsEditor value={step.inputs} readOnly={readOnly} allowCopyAll={false} fromLabel="From" toLabel="Into its variable" fromContext="over this process's variables" onChange={(inputs) => update({ inputs: inputs ?? [] })} />
      </PropertySection>
      <PropertySection title="Brought back">
        <MappingsEditor value={step.outputs} readOnly={readOnly} allowCopyAll={false} fromLabel="From" toLabel="Into variable" fromContext="over its variables at its end" onChange={(outputs) => update({ outputs: outputs ?? [] })} />
      </PropertySection>
    </>
  );
}
