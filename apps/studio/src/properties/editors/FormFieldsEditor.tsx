import { type Field, type FormBlock, type FormDefinition } from "@baton/model";
import { ChevronDown, ChevronRight, Plus } from "lucide-react";
import { useState } from "react";
import { fieldTypeLabel } from "../describe-step.ts";
import { useProperties } from "../properties-context.ts";
import { FieldEditor } from "./FieldEditor.tsx";
import { FieldRowTools } from "./FieldRowTools.tsx";
import { newField } from "./field-changes.ts";

type Props = { stepId: string; form: FormDefinition | undefined };

/**
 * A step's form as a list of fields (the form designer comes later): add,
 * remove, reorder, and open one field at a time to change its label, key,
 * type, required and options. Sections are shown with their fields; each
 * change is a `field.*` command.
 */
export function FormFieldsEditor({ stepId, form }: Props) {
  const { actions, readOnly } = useProperties();
  const [openId, setOpenId] = useState<string | null>(null);
  const add = () => {
    const field = newField(form);
    if (actions?.run("field.add", { stepId, field })) setOpenId(field.id);
  };
  return (
    <div className="form-fields-editor">
      {!form || form.blocks.length === 0 ? (
        <p className="muted">No form fields.</p>
      ) : (
        <Blocks blocks={form.blocks} stepId={stepId} form={form} openId={openId} setOpenId={setOpenId} />
      )}
      {!readOnly && (
        <button type="button" className="btn btn-sm add-button" onClick={add}>
          <Plus size={14} aria-hidden="true" /> Add field
        </button>
      )}
    </div>
  );
}

type BlocksProps = {
  blocks: FormBlock[];
  stepId: string;
  form: FormDefinition;
  openId: string | null;
  setOpenId: (id: string | null) => void;
};

function Blocks({ blocks, stepId, form, openId, setOpenId }: BlocksProps) {
  const nested = (children: FormBlock[]) => <Blocks blocks={children} stepId={stepId} form={form} openId={openId} setOpenId={setOpenId} />;
  return (
    <ul className="field-list field-editor-list">
      {blocks.map((block, index) => {
        switch (block.type) {
          case "section":
            return (
              <li key={block.id} className="field-section">
                <div className="field-section-title">{block.title}</div>
                {nested(block.children)}
              </li>
            );
          case "columns":
            return (
              <li key={block.id} className="field-section">
                <div className="field-section-title">Side by side</div>
                {block.columns.map((c, i) => (
                  <div key={i}>{nested(c.children)}</div>
                ))}
              </li>
            );
          case "staticText":
            return (
              <li key={block.id} className="field-row field-row-static">
                <span className="muted">Text:</span> {block.text.length > 60 ? `${block.text.slice(0, 59)}…` : block.text}
              </li>
            );
          case "display":
            return (
              <li key={block.id} className="field-row field-row-static">
                <span className="field-row-label">{block.label}</span> <span className="muted">shows</span> <code>{block.variable}</code>
              </li>
            );
          default:
            return (
              <FieldItem
                key={block.id}
                field={block}
                stepId={stepId}
                form={form}
                index={index}
                count={blocks.length}
                open={openId === block.id}
                onToggle={() => setOpenId(openId === block.id ? null : block.id)}
              />
            );
        }
      })}
    </ul>
  );
}

type ItemProps = { field: Field; stepId: string; form: FormDefinition; index: number; count: number; open: boolean; onToggle: () => void };

function FieldItem({ field, stepId, form, index, count, open, onToggle }: ItemProps) {
  const Chevron = open ? ChevronDown : ChevronRight;
  return (
    <li className={`field-row field-editor ${open ? "is-open" : ""}`}>
      <div className="field-editor-head">
        <button type="button" className="field-editor-toggle" aria-expanded={open} onClick={onToggle} aria-label={`${field.label}: ${fieldTypeLabel(field.type)}, ${open ? "close" : "edit"}`}>
          <Chevron size={14} aria-hidden="true" />
          <span className="field-row-label">{field.label}</span>
          {field.required && <span className="tag tag-accent">Required</span>}
          <span className="field-row-meta">
            <span>{fieldTypeLabel(field.type)}</span>
            <code>{field.key}</code>
          </span>
        </button>
        <FieldRowTools stepId={stepId} field={field} index={index} count={count} />
      </div>
      {open && <FieldEditor stepId={stepId} field={field} form={form} />}
    </li>
  );
}
