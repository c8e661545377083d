/**
 * Reusable process blocks in the studio: the palette's library and the
 * Save as block dialog. Inserting is the model's `insertBlock`; a drop on
 * the canvas reads the dragged block with `readBlockDrag`.
 */
export { BlockLibrary, type BlockLibraryProps } from "./BlockLibrary.tsx";
export { SaveAsBlockDialog, type SaveAsBlockDialogProps } from "./SaveAsBlockDialog.tsx";
export { BlockPreview } from "./BlockPreview.tsx";
export { BLOCK_DRAG_TYPE, readBlockDrag, type BlockDragData } from "./block-drag.ts";
export { blocksApi, blockQueryKeys, type BlockListing, type BlockVersionView, type BlocksApi, type SavedBlock } from "./blocks-api.ts";
export { BlocksApiContext } from "./blocks-api-context.ts";
export { UsedBlocksList } from "./UsedBlocksList.tsx";
