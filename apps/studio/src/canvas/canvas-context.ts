import { createContext, useContext } from "react";
import type { Selection } from "../process/selection.ts";

/**
 * What the drawn parts (nodes, edge labels) need from the canvas without
 * React Flow in between: selecting, and editing a label in place.
 */
export type CanvasActions = {
  /** Selects one element (edge labels sit outside React Flow's hit areas). */
  select: (target: Selection) => void;
  /** True when the draft can be edited here. */
  editable: boolean;
  /** The element whose label is being typed, if any. */
  editing: Selection;
  startEditing: (target: Selection) => void;
  /** Saves the new label (a command) and closes the editor. */
  commitLabel: (target: NonNullable<Selection>, text: string) => void;
  cancelEditing: () => void;
};

export const CanvasContext = createContext<CanvasActions>({
  select: () => {},
  editable: false,
  editing: null,
  startEditing: () => {},
  commitLabel: () => {},
  cancelEditing: () => {},
});

export function useCanvas(): CanvasActions {
  return useContext(CanvasContext);
}

/** True when `target` is the element being edited. */
export function isEditing(editing: Selection, type: "step" | "connection", id: string): boolean {
  return editing !== null && editing.type === type && editing.id === id;
}
