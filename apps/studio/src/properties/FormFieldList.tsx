import type { FormBlock, FormDefinition } from "@baton/model";
import { fieldTypeLabel } from "./describe-step.ts";

/** The fields of a step's form as a list: label, key, type, required; sections nest. */
export function FormFieldList({ form }: { form: FormDefinition | undefined }) {
  if (!form || form.blocks.length === 0) return <p className="muted">No form fields.</p>;
  return <Blocks blocks={form.blocks} />;
}

function Blocks({ blocks }: { blocks: FormBlock[] }) {
  return (
    <ul className="field-list">
      {blocks.map((block) =>
        block.type === "section" ? (
          <li key={block.id} className="field-section">
            <div className="field-section-title">{block.title}</div>
            {block.children.length > 0 ? <Blocks blocks={block.children} /> : <p className="muted">Empty section.</p>}
          </li>
        ) : (
          <li key={block.id} className="field-row">
            <div className="field-row-main">
              <span className="field-row-label">{block.label}</span>
              {block.required && <span className="tag tag-accent">Required</span>}
            </div>
            <div className="field-row-meta">
              <span>{fieldTypeLabel(block.type)}</span>
              <code>{block.key}</code>
              {block.type === "select" && <span>{block.options.length} options</span>}
            </div>
          </li>
        ),
      )}
    </ul>
  );
}
