import {
  AlignCenterVertical,
  AlignStartVertical,
  AlignStartHorizontal,
  AlignCenterHorizontal,
  Copy,
  Network,
  Redo2,
  Trash2,
  Undo2,
} from "lucide-react";
import type { EditorStack } from "../editor/commands/index.ts";
import type { ElementSelection } from "../process/selection.ts";
import type { DesignerActions } from "./designer-actions.ts";
import { commandLabel } from "./command-labels.ts";
import { ToolButton } from "./ToolButton.tsx";

type Props = {
  stack: EditorStack;
  actions: DesignerActions;
  selection: ElementSelection;
  /** Null when auto-layout can be used; else why not. */
  layoutUnavailable: string | null;
  layingOut: boolean;
  onAutoLayout: () => void;
};

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? "⌘" : "Ctrl+";

/** Undo/redo, delete, duplicate, align and auto-layout, above the canvas. */
export function EditToolbar({ stack, actions, selection, layoutUnavailable, layingOut, onAutoLayout }: Props) {
  const undo = stack.undoLabel();
  const redo = stack.redoLabel();
  const count = selection.steps.length + selection.connections.length;
  const alignReason = selection.steps.length < 2 ? "Select two or more steps to align them (Shift+click or Shift+drag)" : null;
  return (
    <div className="edit-toolbar" role="toolbar" aria-label="Edit">
      <ToolButton
        label="Undo"
        icon={<Undo2 size={17} />}
        onClick={actions.undo}
        disabled={!undo}
        title={undo ? `Undo ${commandLabel(undo)} (${mod}Z)` : "Nothing to undo"}
        shortcut={`${mod}Z`}
      />
      <ToolButton
        label="Redo"
        icon={<Redo2 size={17} />}
        onClick={actions.redo}
        disabled={!redo}
        title={redo ? `Redo ${commandLabel(redo)} (${mod}Shift+Z)` : "Nothing to redo"}
        shortcut={`${mod}Shift+Z`}
      />
      <span className="edit-toolbar-sep" aria-hidden="true" />
      <ToolButton
        label="Delete selection"
        icon={<Trash2 size={17} />}
        onClick={() => actions.deleteSelected()}
        disabled={count === 0}
        title={count ? "Delete the selection (Delete)" : "Select steps or connections to delete them"}
      />
      <ToolButton
        label="Duplicate selection"
        icon={<Copy size={17} />}
        onClick={() => actions.duplicate()}
        disabled={selection.steps.length === 0}
        title={selection.steps.length ? `Duplicate the selected steps (${mod}D)` : "Select steps to duplicate them"}
      />
      <span className="edit-toolbar-sep" aria-hidden="true" />
      <ToolButton label="Align left" icon={<AlignStartVertical size={17} />} onClick={() => actions.align("left")} disabled={Boolean(alignReason)} {...(alignReason ? { title: alignReason } : {})} />
      <ToolButton label="Align centre" icon={<AlignCenterVertical size={17} />} onClick={() => actions.align("centre")} disabled={Boolean(alignReason)} {...(alignReason ? { title: alignReason } : {})} />
      <ToolButton label="Align top" icon={<AlignStartHorizontal size={17} />} onClick={() => actions.align("top")} disabled={Boolean(alignReason)} {...(alignReason ? { title: alignReason } : {})} />
      <ToolButton label="Align middle" icon={<AlignCenterHorizontal size={17} />} onClick={() => actions.align("middle")} disabled={Boolean(alignReason)} {...(alignReason ? { title: alignReason } : {})} />
      <span className="edit-toolbar-sep" aria-hidden="true" />
      <ToolButton
        label="Auto-layout"
        icon={layingOut ? <span className="spinner spinner-inline" aria-hidden="true" /> : <Network size={17} />}
        onClick={onAutoLayout}
        disabled={Boolean(layoutUnavailable) || layingOut}
        title={layoutUnavailable ?? "Lay the steps out left to right"}
      />
    </div>
  );
}
