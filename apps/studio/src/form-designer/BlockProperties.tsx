import type { Field, FormBlock, FormDefinition } from "@baton/model";
import { CheckboxField } from "../properties/editors/CheckboxField.tsx";
import { FeelField } from "../properties/editors/FeelField.tsx";
import { FieldEditor } from "../properties/editors/FieldEditor.tsx";
import { SelectField } from "../properties/editors/SelectField.tsx";
import { TextField } from "../properties/editors/TextField.tsx";
import { AttachmentEditor } from "./AttachmentEditor.tsx";
import { ColumnsEditor } from "./ColumnsEditor.tsx";
import { NumberField } from "./NumberField.tsx";
import { SectionBlockTools } from "./SectionBlockTools.tsx";
import { placesFor, slotValue } from "./slots.ts";
import type { FormSlot } from "../editor/commands/form-tree.ts";

type Props = {
  stepId: string;
  block: FormBlock;
  form: FormDefinition;
  place: FormSlot;
  variables: readonly string[];
  readOnly: boolean;
  update: (changes: Record<string, unknown>) => void;
  moveTo: (slot: FormSlot) => void;
  notify: (message: string) => void;
};

const RULE_CONTEXT = "over the form's fields and the process variables";

/** Everything about the selected block, each change one `field.update` command. */
export function BlockProperties({ stepId, block, form, place, variables, readOnly, update, moveTo, notify }: Props) {
  const places = placesFor(form.blocks, block.id);
  const placeSelect = (
    <SelectField
      label="Placed in"
      value={slotValue(place)}
      options={places.map((p) => ({ value: p.value, label: p.label }))}
      disabled={readOnly}
      onChange={(value) => {
        const target = places.find((p) => p.value === value);
        if (target && value !== slotValue(place)) moveTo(target.slot);
      }}
    />
  );
  const visibleIf = (
    <FeelField
      label="Shown only if"
      optional
      value={block.visibleIf ?? ""}
      readOnly={readOnly}
      placeholder="e.g. category = &quot;gold&quot;"
      context={RULE_CONTEXT}
      onCommit={(text) => update({ visibleIf: text.trim() || undefined })}
    />
  );
  switch (block.type) {
    case "section":
      return (
        <div className="fd-props">
          <TextField label="Title" value={block.title} readOnly={readOnly} validate={(t) => (t.trim() ? null : "A section needs a title.")} onCommit={(title) => update({ title: title.trim() })} />
          {visibleIf}
          {placeSelect}
          <SectionBlockTools section={block} form={form} readOnly={readOnly} update={update} notify={notify} />
        </div>
      );
    case "columns":
      return (
        <div className="fd-props">
          <SelectField
            label="Columns"
            value={String(block.columns.length)}
            options={["2", "3", "4"].map((n) => ({ value: n, label: `${n} columns` }))}
            disabled={readOnly}
            hint="Fewer columns puts the fields of the removed ones into the last column."
            onChange={(n) => update({ columns: resizeColumns(block.columns, Number(n)) })}
          />
          {visibleIf}
          {placeSelect}
        </div>
      );
    case "staticText":
      return (
        <div className="fd-props">
          <TextField label="Text" multiline value={block.text} readOnly={readOnly} validate={(t) => (t.trim() ? null : "Write the text to show.")} onCommit={(text) => update({ text: text.trim() })} />
          {visibleIf}
          {placeSelect}
        </div>
      );
    case "display":
      return (
        <div className="fd-props">
          <TextField label="Label" value={block.label} readOnly={readOnly} validate={(t) => (t.trim() ? null : "A display needs a label.")} onCommit={(label) => update({ label: label.trim() })} />
          <VariableField label="Shows variable" value={block.variable} variables={variables} readOnly={readOnly} onCommit={(variable) => update({ variable })} />
          {visibleIf}
          {placeSelect}
        </div>
      );
    default:
      return (
        <div className="fd-props">
          <FieldEditor stepId={stepId} field={block} form={form} keyList="fd-known-variables" />
          <FieldDetails field={block} variables={variables} readOnly={readOnly} update={update} />
          {visibleIf}
          <FeelField
            label="Required only if"
            optional
            value={block.requiredIf ?? ""}
            readOnly={readOnly}
            placeholder="e.g. amount > 50000"
            context={RULE_CONTEXT}
            onCommit={(text) => update({ requiredIf: text.trim() || undefined })}
          />
          {placeSelect}
        </div>
      );
  }
}

function resizeColumns(columns: { children: FormBlock[] }[], n: number): { children: FormBlock[] }[] {
  if (n >= columns.length) return [...columns, ...Array.from({ length: n - columns.length }, () => ({ children: [] }))];
  const kept = columns.slice(0, n).map((c) => ({ children: [...c.children] }));
  for (const removed of columns.slice(n)) kept[n - 1]!.children.push(...removed.children);
  return kept;
}

type DetailProps = { field: Field; variables: readonly string[]; readOnly: boolean; update: (changes: Record<string, unknown>) => void };

/** Help, placeholder, read-only, default and the limits that apply to the field's type. */
function FieldDetails({ field, variables, readOnly, update }: DetailProps) {
  const text = (name: string, label: string, hint?: string) => (
    <TextField
      label={label}
      value={((field as Record<string, unknown>)[name] as string | undefined) ?? ""}
      readOnly={readOnly}
      hint={hint}
      onCommit={(value) => update({ [name]: value.trim() || undefined })}
    />
  );
  const number = (name: string, label: string, integer = false) => (
    <NumberField label={label} value={(field as Record<string, unknown>)[name] as number | undefined} integer={integer} readOnly={readOnly} onCommit={(value) => update({ [name]: value })} />
  );
  const hasLength = field.type === "text" || field.type === "longText";
  const numeric = field.type === "number" || field.type === "currency" || field.type === "percent";
  return (
    <>
      {text("help", "Help text", "Shown under the field.")}
      {field.type !== "yesNo" && field.type !== "table" && field.type !== "attachment" && text("placeholder", "Placeholder")}
      <CheckboxField label="Read-only (shows its default)" checked={field.readOnly ?? false} disabled={readOnly} onChange={(v) => update({ readOnly: v || undefined })} />
      {(hasLength || field.type === "date" || field.type === "dateTime" || field.type === "select" || field.type === "radio") &&
        text("default", "Default value", field.type === "date" ? "As YYYY-MM-DD." : undefined)}
      {numeric && number("default", "Default value")}
      {hasLength && (
        <div className="fd-pair">
          {number("minLength", "Min. length", true)}
          {number("maxLength", "Max. length", true)}
        </div>
      )}
      {numeric && (
        <div className="fd-pair">
          {number("minimum", "Minimum")}
          {number("maximum", "Maximum")}
        </div>
      )}
      {field.type === "number" && <CheckboxField label="Whole numbers only" checked={field.integer ?? false} disabled={readOnly} onChange={(v) => update({ integer: v || undefined })} />}
      {field.type === "currency" && (
        <TextField
          label="Currency"
          mono
          value={field.currency}
          readOnly={readOnly}
          validate={(t) => (/^[A-Z]{3}$/.test(t.trim()) ? null : "A three-letter code such as EUR or USD.")}
          onCommit={(currency) => update({ currency: currency.trim() })}
        />
      )}
      {field.type === "text" && (
        <>
          <TextField label="Pattern" mono value={field.pattern ?? ""} readOnly={readOnly} validate={patternProblem} hint="A regular expression the whole value must match, e.g. CR-[0-9]{6}." onCommit={(p) => update({ pattern: p.trim() || undefined })} />
          {field.pattern && text("patternMessage", "Message when it does not match", "e.g. “A contract number looks like CR-123456.”")}
        </>
      )}
      {"optionsFrom" in field && (
        <VariableField
          label="Options from variable"
          optional
          value={field.optionsFrom?.variable ?? ""}
          variables={variables}
          readOnly={readOnly}
          hint="Leave empty to use the options typed above."
          onCommit={(variable) => update({ optionsFrom: variable ? { variable } : undefined })}
        />
      )}
      {field.type === "table" && <ColumnsEditor field={field} readOnly={readOnly} update={update} />}
      {field.type === "attachment" && <AttachmentEditor field={field} readOnly={readOnly} update={update} />}
    </>
  );
}

function patternProblem(text: string): string | null {
  if (!text.trim()) return null;
  try {
    new RegExp(text, "u");
    return null;
  } catch (error) {
    return `Not a valid pattern: ${(error as Error).message.replace(/^Invalid regular expression: /, "")}`;
  }
}

type VariableProps = {
  label: string;
  value: string;
  variables: readonly string[];
  readOnly: boolean;
  optional?: boolean;
  hint?: string;
  onCommit: (value: string) => void;
};

/** A variable name, completed from the variables other steps produce. */
function VariableField({ label, value, variables, readOnly, optional, hint, onCommit }: VariableProps) {
  return (
    <TextField
      label={label}
      mono
      value={value}
      readOnly={readOnly}
      list="fd-known-variables"
      hint={hint ?? (variables.length ? "Start typing: names other steps fill are suggested." : undefined)}
      validate={(t) => {
        const v = t.trim();
        if (!v) return optional ? null : "Name the variable.";
        return /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(v) ? null : "A variable name such as order or order.items.";
      }}
      onCommit={(t) => onCommit(t.trim())}
    />
  );
}
