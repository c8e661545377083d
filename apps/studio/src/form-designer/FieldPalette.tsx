import { paletteBlocks, type BlockSpec } from "@baton/forms";
import type { DragEvent } from "react";
import { NEW_BLOCK } from "./drag-data.ts";

type Props = { onAdd: (type: string) => void; disabled: boolean };

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
    </nav>
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
