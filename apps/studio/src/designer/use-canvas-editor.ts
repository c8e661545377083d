import { useMemo } from "react";
import type { CanvasEditor } from "../canvas/ProcessCanvas.tsx";
import { readStepDrag, STEP_DRAG_TYPE } from "./palette-items.ts";
import type { Designer } from "./use-designer.ts";

/** Something else that can be dropped on the canvas (the block library's blocks). */
export type ExtraDrop = { canDrop: (types: readonly string[]) => boolean; drop: (data: DataTransfer, at: { x: number; y: number }) => void };

/** The canvas's edit calls, routed to the designer's actions (and so to commands). */
export function useCanvasEditor(designer: Designer, extraDrop?: ExtraDrop): CanvasEditor {
  const { actions, editing, setEditing } = designer;
  return useMemo<CanvasEditor>(
    () => ({
      moveSteps: (moves) => void actions.moveSteps(moves),
      connect: (source, target) => void actions.connect(source, target),
      nudge: (dx, dy) => void actions.nudge(dx, dy),
      canDrop: (types) => types.includes(STEP_DRAG_TYPE) || (extraDrop?.canDrop(types) ?? false),
      drop: (data, at) => {
        const kind = readStepDrag(data);
        if (kind) actions.insert(kind, at);
        else extraDrop?.drop(data, at);
      },
      editing,
      startEditing: setEditing,
      commitLabel: (target, text) => {
        actions.rename(target, text);
        setEditing(null);
        // Keyboard users go on from the element they renamed.
        if (target.type === "step") {
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(target.id)}"]`)?.focus());
        }
      },
      cancelEditing: () => setEditing(null),
    }),
    [actions, editing, setEditing, extraDrop],
  );
}
