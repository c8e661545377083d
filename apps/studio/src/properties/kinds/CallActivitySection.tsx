import { processKeySchema, type CallActivityStep } from "@baton/model";
import { MappingsEditor } from "../editors/MappingsEditor.tsx";
import { SelectField } from "../editors/SelectField.tsx";
import { TextField } from "../editors/TextField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties, type CallableProcess } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

/**
 * Runs another published process and waits for it: which one (by name,
 * published ones first; one not published yet is marked, since the call
 * would stop under an incident until it is), what goes in, what comes back.
 */
export function CallActivitySection({ step }: { step: CallActivityStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly, processes } = useProperties();
  const chosen = processes.find((p) => p.key === step.processKey);
  const options = [...(chosen ? [] : [{ key: step.processKey, name: step.processKey, published: false, unknown: true }]), ...sortedForCalling(processes)];
  return (
    <>
      <PropertySection title="Process to run">
        {processes.length > 0 ? (
          <SelectField
            label="Process"
            value={step.processKey}
            disabled={readOnly}
            options={options.map((p) => ({ value: p.key, label: optionLabel(p) }))}
            hint={processHint(chosen)}
            onChange={(processKey) => update({ processKey })}
          />
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

function sortedForCalling(processes: readonly CallableProcess[]): CallableProcess[] {
  return [...processes].sort((a, b) => Number(b.published) - Number(a.published) || a.name.localeCompare(b.name));
}

function optionLabel(p: CallableProcess & { unknown?: boolean }): string {
  if (p.unknown) return `${p.key} (no such process here)`;
  return `${p.name} (${p.key})${p.published ? "" : " — not published yet"}`;
}

function processHint(chosen: CallableProcess | undefined): string {
  if (!chosen) return "No process with this key exists here yet; the call stops until one is published.";
  if (!chosen.published) return `"${chosen.name}" has no published version yet; the call stops until it is published.`;
  return "Its latest published version runs when the step is reached, started by whoever started this process; this one waits until it ends.";
}
