import type { SelectOption } from "@baton/model";
import { Plus, Trash2 } from "lucide-react";
import { keyFromLabel } from "./field-changes.ts";
import { TextField } from "./TextField.tsx";

type Props = { options: SelectOption[]; readOnly: boolean; onChange: (options: SelectOption[]) => void };

/** The choices of a select field: what the participant reads (label) and what is stored (value). */
export function OptionsEditor({ options, readOnly, onChange }: Props) {
  const set = (index: number, patch: Partial<SelectOption>) => onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  const add = () => {
    const values = new Set(options.map((o) => o.value));
    let n = options.length + 1;
    while (values.has(`option${n}`)) n++;
    onChange([...options, { value: `option${n}`, label: `Option ${n}` }]);
  };
  return (
    <fieldset className="prop-fieldset options-editor">
      <legend className="prop-field-label">Options</legend>
      {options.length === 0 && <p className="prop-field-hint">A choice needs at least one option.</p>}
      {options.map((option, index) => (
        <div key={index} className="option-row">
          <TextField
            label={`Option ${index + 1} label`}
            value={option.label}
            readOnly={readOnly}
            validate={(t) => (t.trim() ? null : "An option needs a label.")}
            onCommit={(label) => set(index, /^option\d+$/.test(option.value) ? { label: label.trim(), value: keyFromLabel(label) } : { label: label.trim() })}
          />
          <TextField
            label="Stored as"
            mono
            value={option.value}
            readOnly={readOnly}
            validate={(t) => (!t.trim() ? "An option needs a value." : options.some((o, i) => i !== index && o.value === t.trim()) ? "Another option has this value." : null)}
            onCommit={(value) => set(index, { value: value.trim() })}
          />
          {!readOnly && (
            <button type="button" className="icon-button" aria-label={`Remove option ${option.label}`} title="Remove this option" onClick={() => onChange(options.filter((_, i) => i !== index))}>
              <Trash2 size={14} />
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" className="btn btn-sm add-button" onClick={add}>
          <Plus size={14} aria-hidden="true" /> Add option
        </button>
      )}
    </fieldset>
  );
}
