/**
 * Dragging a block from the library onto the canvas. The drag carries only
 * which block and version; the drop side fetches or looks up the content.
 */
export const BLOCK_DRAG_TYPE = "application/x-baton-block";

export type BlockDragData = { key: string; version: number };

export function writeBlockDrag(dataTransfer: DataTransfer, data: BlockDragData): void {
  dataTransfer.setData(BLOCK_DRAG_TYPE, JSON.stringify({ key: data.key, version: data.version }));
  dataTransfer.effectAllowed = "copy";
}

/** The dragged block, or null when the drag is not a block (or is malformed). */
export function readBlockDrag(dataTransfer: Pick<DataTransfer, "getData">): BlockDragData | null {
  const raw = dataTransfer.getData(BLOCK_DRAG_TYPE);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { key, version } = value as Record<string, unknown>;
    if (typeof key !== "string" || !key || typeof version !== "number" || !Number.isInteger(version) || version < 1) return null;
    return { key, version };
  } catch {
    return null;
  }
}
