import { useMemo, useRef, useState } from "react";
import type { ProcessDefinition } from "@baton/model";
import type { EditorStack } from "../editor/commands/index.ts";
import type { StepDefaults } from "../editor/step-factory.ts";
import { nothingSelected, pruneSelection, type ElementSelection, type Selection } from "../process/selection.ts";
import { createDesignerActions, type DesignerActions } from "./designer-actions.ts";

type Options = {
  stack: EditorStack;
  definition: ProcessDefinition;
  notify: (message: string, tone: "info" | "error" | "success") => void;
  stepDefaults: StepDefaults;
  viewportCentre: () => { x: number; y: number };
  layout?: ((definition: ProcessDefinition) => Promise<ProcessDefinition>) | undefined;
};

export type Designer = {
  actions: DesignerActions;
  /** The selection, without elements that no longer exist (after undo, delete). */
  selection: ElementSelection;
  setSelection: (update: ElementSelection | ((s: ElementSelection) => ElementSelection)) => void;
  /** The element whose label is being typed on the canvas. */
  editing: Selection;
  setEditing: (target: Selection) => void;
};

/** The designer's state (selection, label editing) and its actions, bound to one stack. */
export function useDesigner({ stack, definition, notify, stepDefaults, viewportCentre, layout }: Options): Designer {
  const [raw, setSelection] = useState<ElementSelection>(nothingSelected);
  const [editing, setEditing] = useState<Selection>(null);
  const selection = useMemo(
    () => pruneSelection(raw, new Set(definition.steps.map((s) => s.id)), new Set(definition.connections.map((c) => c.id))),
    [raw, definition],
  );
  // The actions are made once; they read what changes through this ref.
  const latest = useRef({ selection, notify, stepDefaults, viewportCentre, layout });
  latest.current = { selection, notify, stepDefaults, viewportCentre, layout };
  const actions = useMemo(
    () =>
      createDesignerActions({
        stack,
        getSelection: () => latest.current.selection,
        select: setSelection,
        notify: (m, t) => latest.current.notify(m, t),
        stepDefaults: () => latest.current.stepDefaults,
        viewportCentre: () => latest.current.viewportCentre(),
        layout: (d) => {
          const layoutFn = latest.current.layout;
          if (!layoutFn) throw new Error("Auto-layout is not available.");
          return layoutFn(d);
        },
      }),
    [stack],
  );
  return { actions, selection, setSelection, editing, setEditing };
}
