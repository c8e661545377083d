import { paletteBlocks, type BlockSpec } from "@baton/forms";
import type { DragEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { NEW_BLOCK } from "./drag-data.ts";
import { formBlockQueryKeys, formBlocksApi } from "./form-blocks-api.ts";

type Props = { onAdd: (type: string) => void; disabled: boolean };

/** A form block from the library travels as `formBlock:<key>`. */
export const FORM_BLOCK_PREFIX = "formBlock:";

/**
 * The field blocks: drag one onto the form, or press it to add it after the
 * selected block (at the end when nothing is selected).
 */
export function FieldPalette({ onAdd, disabled }: Props) {
  const fields = paletteBlocks.filter((s) => s.kind === "field");
  const layout = paletteBlocks.filter((s) => s.kind === "layout");
  return (
    <nav className="fd-palette" aria-label="Field blocks">
      <Group title="Fields" specs={fields} onAdd={onAdd} disabled={disabled} />
      <Group title="Layout and text" specs={layout} onAdd={onAdd} disabled={disabled} />
      <LibraryGroup onAdd={onAdd} disabled={disabled} />
    </nav>
  );
}

/** The shared form blocks ("Applicant", "Shipping address"…), latest versions. */
function LibraryGroup({ onAdd, disabled }: Props) {
  const list = useQuery({ queryKey: formBlockQueryKeys.list, queryFn: formBlocksApi.list });
  return (
    <section className="fd-palette-group">
      <h3 className="fd-palette-title">Form blocks</h3>
      {list.isPending && <p className="muted">Loading…</p>}
      {list.error && <p className="prop-field-error">Could not load the library: {list.error.message}</p>}
      {list.data?.length === 0 && <p className="muted">None yet: select a section and save it as a block.</p>}
      <ul className="fd-palette-list">
        {list.data?.map((b) => (
          <li key={b.key}>
            <button
              type="button"
              className="fd-palette-item"
              draggable={!disabled}
              disabled={disabled}
              onDragStart={(e) => {
                e.dataTransfer.setData(NEW_BLOCK, FORM_BLOCK_PREFIX + b.key);
                e.dataTransfer.effectAllowed = "copy";
              }}
              onClick={() => onAdd(FORM_BLOCK_PREFIX + b.key)}
              title={`${b.description || b.name}: ${b.block.blocks.length} fields, version ${b.version}`}
            >
              {b.name} <span className="fd-palette-version">v{b.version}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Group({ title, specs, onAdd, disabled }: { title: string; specs: BlockSpec[]; onAdd: (type: string) => void; disabled: boolean }) {
  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(NEW_BLOCK, type);
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <section className="fd-palette-group">
      <h3 className="fd-palette-title">{title}</h3>
      <ul className="fd-palette-list">
        {specs.map((spec) => (
          <li key={spec.type}>
            <button
              type="button"
              className="fd-palette-item"
              draggable={!disabled}
              disabled={disabled}
              onDragStart={(e) => onDragStart(e, spec.type)}
              onClick={() => onAdd(spec.type)}
              title={`Add ${spec.label.toLowerCase()} (or drag it onto the form)`}
            >
              {spec.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
