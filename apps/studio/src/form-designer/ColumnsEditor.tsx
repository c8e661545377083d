import { columnFieldTypes, type ColumnField, type Field } from "@baton/model";
import { Plus, Trash2 } from "lucide-react";
import { fieldTypeLabel } from "../properties/describe-step.ts";
import { CheckboxField } from "../properties/editors/CheckboxField.tsx";
import { changeTypeTo } from "../properties/editors/field-changes.ts";
import { OptionsEditor } from "../properties/editors/OptionsEditor.tsx";
import { SelectField } from "../properties/editors/SelectField.tsx";
import { TextField } from "../properties/editors/TextField.tsx";
import { relabelColumn } from "./column-changes.ts";
import { NumberField } from "./NumberField.tsx";

type TableField = Extract<Field, { type: "table" }>;
type Props = { field: TableField; readOnly: boolean; update: (changes: Record<string, unknown>) => void };

const typeOptions = columnFieldTypes.map((t) => ({ value: t, label: fieldTypeLabel(t) }));
const totalled = new Set(["number", "currency", "percent"]);

/**
 * A repeating table's columns (each a field of every row), the rows it
 * needs at least / at most, and the column whose sum shows under the rows.
 * The whole column list is one `field.update`, so each change is one undo.
 */
export function ColumnsEditor({ field, readOnly, update }: Props) {
  const setColumns = (columns: ColumnField[], extra: Record<string, unknown> = {}) => update({ columns, ...extra });
  const change = (index: number, patch: Record<string, unknown>) => {
    const next = field.columns.map((c, i) => {
      if (i !== index) return c;
      const merged: Record<string, unknown> = { ...c, ...patch };
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete merged[k];
      return merged as ColumnField;
    });
    const renamed = patch.key !== undefined && field.totalOf === field.columns[index]!.key;
    setColumns(next, renamed ? { totalOf: patch.key } : {});
  };
  const add = () => {
    const keys = new Set(field.columns.map((c) => c.key));
    let n = field.columns.length + 1;
    while (keys.has(`column${n}`)) n++;
    setColumns([...field.columns, { id: `${field.id}-column${n}`, key: `column${n}`, type: "text", label: `Column ${n}`, required: false }]);
  };
  const remove = (index: number) => {
    const gone = field.columns[index]!;
    setColumns(
      field.columns.filter((_, i) => i !== index),
      field.totalOf === gone.key ? { totalOf: undefined } : {},
    );
  };
  const totalOptions = [{ value: "none", label: "No total" }, ...field.columns.filter((c) => totalled.has(c.type)).map((c) => ({ value: c.key, label: c.label }))];
  return (
    <fieldset className="prop-fieldset fd-columns-editor">
      <legend className="prop-field-label">Columns</legend>
      {field.columns.length === 0 && <p className="prop-field-error">A table needs at least one column.</p>}
      <ol className="fd-column-list">
        {field.columns.map((column, index) => (
          <li key={column.id} className="fd-column-item">
            <div className="fd-pair">
              <TextField
                label={`Column ${index + 1} label`}
                value={column.label}
                readOnly={readOnly}
                validate={(t) => (t.trim() ? null : "A column needs a label.")}
                onCommit={(label) => change(index, relabelColumn(field.columns, index, label))}
              />
              <TextField
                label="Key"
                mono
                value={column.key}
                readOnly={readOnly}
                validate={(t) =>
                  !/^[A-Za-z][A-Za-z0-9_]*$/.test(t.trim()) ? "Letters, digits and _, starting with a letter." : field.columns.some((c, i) => i !== index && c.key === t.trim()) ? "Another column has this key." : null
                }
                onCommit={(key) => change(index, { key: key.trim() })}
              />
            </div>
            <div className="fd-pair">
              <SelectField label="Type" value={column.type} options={typeOptions} disabled={readOnly} onChange={(type) => type !== column.type && change(index, changeTypeTo(column as Field, type))} />
              <CheckboxField label="Required in every row" checked={column.required} disabled={readOnly} onChange={(required) => change(index, { required })} />
            </div>
            {column.type === "select" && <OptionsEditor options={column.options} readOnly={readOnly} onChange={(options) => change(index, { options })} />}
            {!readOnly && (
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => remove(index)} aria-label={`Remove column ${column.label}`}>
                <Trash2 size={13} aria-hidden="true" /> Remove column
              </button>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="btn btn-sm add-button" onClick={add}>
          <Plus size={14} aria-hidden="true" /> Add column
        </button>
      )}
      <div className="fd-pair">
        <NumberField label="At least rows" value={field.minRows} integer readOnly={readOnly} onCommit={(minRows) => update({ minRows })} />
        <NumberField label="At most rows" value={field.maxRows} integer readOnly={readOnly} onCommit={(maxRows) => update({ maxRows: maxRows || undefined })} />
      </div>
      <SelectField
        label="Total below the rows"
        value={field.totalOf ?? "none"}
        options={totalOptions}
        disabled={readOnly}
        onChange={(value) => update({ totalOf: value === "none" ? undefined : value })}
      />
    </fieldset>
  );
}
