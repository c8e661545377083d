import { outputMappingSchema, type OutputMapping } from "@baton/model";
import { ArrowRight, Plus, Trash2 } from "lucide-react";
import { CheckboxField } from "./CheckboxField.tsx";
import { FeelField } from "./FeelField.tsx";
import { TextField } from "./TextField.tsx";

type Props = {
  /** undefined = "copy every field" (user tasks and the start); else the list. */
  value: OutputMapping[] | undefined;
  onChange: (value: OutputMapping[] | undefined) => void;
  readOnly: boolean;
  /** Whether "copy every field" applies (forms); service calls and call activities always list. */
  allowCopyAll: boolean;
  fromLabel: string;
  toLabel: string;
  /** What `from` is evaluated over, in words. */
  fromContext: string;
};

const variableProblem = (t: string) =>
  outputMappingSchema.shape.to.safeParse(t.trim()).success ? null : "A variable name such as customer or order.total.";

/** Copies into variables: `from` (FEEL) → `to` (a variable name), one row each. */
export function MappingsEditor({ value, onChange, readOnly, allowCopyAll, fromLabel, toLabel, fromContext }: Props) {
  const rows = value ?? [];
  const set = (index: number, patch: Partial<OutputMapping>) => onChange(rows.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <div className="mappings-editor">
      {allowCopyAll && (
        <CheckboxField
          label="Copy every field to a variable of the same name"
          checked={value === undefined}
          disabled={readOnly}
          onChange={(all) => onChange(all ? undefined : [])}
        />
      )}
      {value !== undefined && (
        <>
          {rows.length === 0 && <p className="prop-field-hint">Nothing is copied.</p>}
          {rows.map((m, index) => (
            <div key={index} className="mapping-row">
              <FeelField label={`${fromLabel} ${index + 1}`} value={m.from} readOnly={readOnly} context={fromContext} onCommit={(from) => set(index, { from })} />
              <ArrowRight size={14} aria-hidden="true" className="mapping-arrow" />
              <TextField label={`${toLabel} ${index + 1}`} mono value={m.to} readOnly={readOnly} validate={variableProblem} onCommit={(to) => set(index, { to: to.trim() })} />
              {!readOnly && (
                <button type="button" className="icon-button" aria-label={`Remove mapping ${index + 1}`} title="Remove this mapping" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                  <Trash2 size={14} />
                </button>
              )}
            </div>
          ))}
          {!readOnly && (
            <button type="button" className="btn btn-sm add-button" onClick={() => onChange([...rows, { from: "value", to: `variable${rows.length + 1}` }])}>
              <Plus size={14} aria-hidden="true" /> Add mapping
            </button>
          )}
        </>
      )}
    </div>
  );
}
