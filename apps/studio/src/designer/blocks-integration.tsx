import { PackagePlus } from "lucide-react";
import { useContext, useMemo, useState } from "react";
import type { ProcessDefinition } from "@baton/model";
import { BLOCK_DRAG_TYPE, BlockLibrary, BlocksApiContext, readBlockDrag, SaveAsBlockDialog } from "../blocks/index.ts";
import { useToast } from "../ui/Toaster.tsx";
import type { DesignerActions } from "./designer-actions.ts";
import type { ExtraDrop } from "./use-canvas-editor.ts";

/**
 * The block library (apps/studio/src/blocks) in the designer: the palette's
 * "Blocks" section, a block dropped on the canvas, and "Save selection as
 * block". Inserting is always the `block.insert` command (undoable).
 */
export function BlocksPaletteSection({ actions }: { actions: DesignerActions }) {
  return <BlockLibrary onInsert={(item) => actions.insertBlock(item.block, item.version)} />;
}

/** A block dragged from the library lands with its top-left corner where it is dropped. */
export function useBlockDrop(actions: DesignerActions, notify: (message: string, tone: "success" | "info" | "error") => void): ExtraDrop {
  const api = useContext(BlocksApiContext);
  return useMemo<ExtraDrop>(
    () => ({
      canDrop: (types) => types.includes(BLOCK_DRAG_TYPE),
      drop: (data, at) => {
        const dragged = readBlockDrag(data);
        if (!dragged) return;
        api.get(dragged.key, dragged.version).then(
          (view) => actions.insertBlock(view.block, view.version, { x: Math.round(at.x), y: Math.round(at.y) }),
          (error: unknown) => notify(`The block could not be loaded: ${(error as Error).message}`, "error"),
        );
      },
    }),
    [actions, api, notify],
  );
}

export function SaveSelectionAsBlock({ definition, stepIds }: { definition: ProcessDefinition; stepIds: readonly string[] }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const none = stepIds.length === 0;
  return (
    <>
      <span title={none ? "Select the steps to save as a block" : "Save the selected steps to the block library"}>
        <button type="button" className="btn btn-sm" disabled={none} onClick={() => setOpen(true)}>
          <PackagePlus size={14} aria-hidden="true" /> Save selection as block
        </button>
      </span>
      <SaveAsBlockDialog
        definition={definition}
        selectedStepIds={stepIds}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={(saved) => toast(`Saved “${saved.name}” as version ${saved.version} of block ${saved.key}`, "success")}
      />
    </>
  );
}
