import { fieldTypes, formFields, type Field, type FieldType, type FormDefinition } from "@baton/model";
import { fieldTypeLabel } from "../describe-step.ts";
import { useProperties } from "../properties-context.ts";
import { CheckboxField } from "./CheckboxField.tsx";
import { changeTypeTo, isChoice, keyFromLabel, keyProblem } from "./field-changes.ts";
import { OptionsEditor } from "./OptionsEditor.tsx";
import { SelectField } from "./SelectField.tsx";
import { TextField } from "./TextField.tsx";

const typeOptions = fieldTypes.map((t) => ({ value: t, label: fieldTypeLabel(t) }));

/** One field opened: label, key, type, required, and the options of a choice. `keyList`: a datalist completing the key. */
export function FieldEditor({ stepId, field, form, keyList }: { stepId: string; field: Field; form: FormDefinition; keyList?: string }) {
  const { actions, readOnly } = useProperties();
  const update = (changes: Record<string, unknown>) => actions?.run("field.update", { stepId, fieldId: field.id, changes });
  const commitLabel = (label: string) => {
    const changes: Record<string, unknown> = { label: label.trim() };
    // A key nobody chose yet (field1, field2…) follows the label.
    if (/^field\d+$/.test(field.key)) {
      const taken = new Set(formFields(form).filter((f) => f.id !== field.id).map((f) => f.key));
      const base = keyFromLabel(label);
      let key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
      changes.key = key;
    }
    update(changes);
  };
  return (
    <div className="field-editor-body">
      <TextField label="Label" value={field.label} readOnly={readOnly} validate={(t) => (t.trim() ? null : "A field needs a label.")} onCommit={commitLabel} />
      <TextField
        label="Key"
        mono
        value={field.key}
        readOnly={readOnly}
        validate={(t) => keyProblem(form, field.id, t.trim())}
        hint="The process variable it fills."
        list={keyList}
        onCommit={(key) => update({ key: key.trim() })}
      />
      <SelectField<FieldType> label="Type" value={field.type} options={typeOptions} disabled={readOnly} onChange={(type) => type !== field.type && update(changeTypeTo(field, type))} />
      <CheckboxField label="Required" checked={field.required} disabled={readOnly} onChange={(required) => update({ required })} />
      {"options" in field && isChoice(field.type) && <OptionsEditor options={field.options} readOnly={readOnly} onChange={(options) => update({ options })} />}
      {field.type === "table" && <p className="prop-field-hint">A table's columns are edited in the form designer.</p>}
    </div>
  );
}
