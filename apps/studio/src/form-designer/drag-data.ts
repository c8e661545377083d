/** What a drag in the form designer carries: a new block from the palette, or a block of the form. */
export const NEW_BLOCK = "application/x-baton-form-new";
export const MOVE_BLOCK = "application/x-baton-form-move";

export type DropPayload = { kind: "new"; type: string } | { kind: "move"; id: string };

export function readDrop(data: DataTransfer): DropPayload | null {
  const type = data.getData(NEW_BLOCK);
  if (type) return { kind: "new", type };
  const id = data.getData(MOVE_BLOCK);
  if (id) return { kind: "move", id };
  return null;
}

export function carriesBlock(data: DataTransfer): boolean {
  return data.types.includes(NEW_BLOCK) || data.types.includes(MOVE_BLOCK);
}
