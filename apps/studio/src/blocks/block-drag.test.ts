import { describe, expect, it } from "vitest";
import { BLOCK_DRAG_TYPE, readBlockDrag, writeBlockDrag } from "./block-drag.ts";

/** The part of the browser's DataTransfer a drag uses (jsdom and node have none). */
function transfer(entries: Record<string, string> = {}) {
  const data = new Map(Object.entries(entries));
  return {
    effectAllowed: "all",
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? "",
  };
}

describe("block drag data", () => {
  it("carries which block and version, as JSON under its own type", () => {
    const dt = transfer();
    writeBlockDrag(dt as unknown as DataTransfer, { key: "manager-approval", version: 3 });
    expect(JSON.parse(dt.getData(BLOCK_DRAG_TYPE))).toEqual({ key: "manager-approval", version: 3 });
    expect(dt.effectAllowed).toBe("copy");
    expect(readBlockDrag(dt)).toEqual({ key: "manager-approval", version: 3 });
  });

  it("says null for other drags and for malformed data", () => {
    expect(readBlockDrag(transfer({ "text/plain": "hello" }))).toBeNull();
    expect(readBlockDrag(transfer({ [BLOCK_DRAG_TYPE]: "{not json" }))).toBeNull();
    expect(readBlockDrag(transfer({ [BLOCK_DRAG_TYPE]: '{"key":"a-b","version":0}' }))).toBeNull();
    expect(readBlockDrag(transfer({ [BLOCK_DRAG_TYPE]: '{"version":1}' }))).toBeNull();
    expect(readBlockDrag(transfer({ [BLOCK_DRAG_TYPE]: "null" }))).toBeNull();
  });
});
