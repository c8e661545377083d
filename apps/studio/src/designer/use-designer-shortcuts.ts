import { useEffect, useRef } from "react";
import { isTyping } from "../lib/is-typing.ts";
import type { Designer } from "./use-designer.ts";

/**
 * The designer's keyboard: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo,
 * Delete/Backspace delete, Ctrl+C / Ctrl+V / Ctrl+D copy, paste,
 * duplicate, Ctrl+A select all steps, F2 rename, Escape clear the
 * selection (Cmd on a Mac). Arrow keys are the canvas's own (it moves the
 * selected steps). Keys typed into a field, or while a dialog is open,
 * belong to that field or dialog.
 */
export function useDesignerShortcuts(designer: Designer, stepIds: () => string[]): void {
  const ref = useRef({ designer, stepIds });
  ref.current = { designer, stepIds };
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || document.querySelector("[role=dialog]")) return;
      const { designer: d, stepIds: allSteps } = ref.current;
      const { actions } = d;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const inPanel = e.target instanceof Element && e.target.closest(".workspace-properties, .palette");
      let handled = true;
      if (mod && key === "z" && !e.shiftKey) actions.undo();
      else if (mod && ((key === "z" && e.shiftKey) || key === "y")) actions.redo();
      else if (inPanel) handled = false;
      else if (!mod && (e.key === "Delete" || e.key === "Backspace")) handled = actions.deleteSelected();
      else if (mod && key === "c") handled = actions.copy();
      else if (mod && key === "v") actions.paste();
      else if (mod && key === "d") actions.duplicate();
      else if (mod && key === "a") d.setSelection({ steps: allSteps(), connections: [] });
      else if (e.key === "F2") {
        const { steps, connections } = d.selection;
        if (steps.length + connections.length !== 1) handled = false;
        else d.setEditing(steps.length ? { type: "step", id: steps[0]! } : { type: "connection", id: connections[0]! });
      } else if (e.key === "Escape" && !mod) d.setSelection({ steps: [], connections: [] });
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
