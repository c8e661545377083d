import type { ReactNode } from "react";
import { StepKindIcon } from "../properties/StepKindIcon.tsx";
import { paletteItems, STEP_DRAG_TYPE } from "./palette-items.ts";

type Props = {
  onInsert: (kind: (typeof paletteItems)[number]["kind"]) => void;
  /** Why the start item is unavailable (the process has one), if it is. */
  startRefusal: string | null;
  /** The library's blocks, below the step kinds (when the block library is available). */
  blocks?: ReactNode;
};

/**
 * The step kinds, to drag onto the canvas or to add with the keyboard
 * (focus an item, press Enter: it lands at the middle of the visible
 * canvas). Kinds the engine does not run yet are drawn and checked like
 * the others; publishing tells the analyst which ones wait for support.
 */
export function Palette({ onInsert, startRefusal, blocks }: Props) {
  return (
    <nav className="palette" aria-label="Palette">
      <h2 className="palette-title">Steps</h2>
      <p className="palette-hint">Drag onto the canvas, or focus and press Enter.</p>
      <ul className="palette-list">
        {paletteItems.map((item) => {
          const refusal = item.kind === "start" ? startRefusal : null;
          return (
            <li key={item.kind}>
              <button
                type="button"
                className="palette-item"
                draggable={!refusal}
                aria-disabled={refusal ? true : undefined}
                aria-label={`Add ${item.label}`}
                title={refusal ?? `${item.hint}. Drag onto the canvas, or press Enter to add it in the middle.`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(STEP_DRAG_TYPE, item.kind);
                  e.dataTransfer.effectAllowed = "copy";
                }}
                onClick={() => !refusal && onInsert(item.kind)}
              >
                <StepKindIcon kind={item.kind} size={18} />
                <span className="palette-item-label">{item.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {blocks}
    </nav>
  );
}
