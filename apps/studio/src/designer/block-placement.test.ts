import { describe, expect, it } from "vitest";
import { blockCorner } from "./block-placement.ts";

// A task (200×80) and a decision (50×50) beside it: a block 330 wide, 80 high.
const block = [
  { kind: "userTask" as const, position: { x: 0, y: 0 } },
  { kind: "exclusiveGateway" as const, position: { x: 280, y: 15 } },
];
const overlaps = (corner: { x: number; y: number }, step: { x: number; y: number; w: number; h: number }) =>
  corner.x < step.x + step.w && corner.x + 330 > step.x && corner.y < step.y + step.h && corner.y + 80 > step.y;

describe("blockCorner", () => {
  it("centres the block on the view when nothing is there", () => {
    expect(blockCorner([], block, { x: 500, y: 300 })).toEqual({ x: 335, y: 260 });
    // Steps elsewhere do not move it.
    expect(blockCorner([{ kind: "end", position: { x: 2000, y: 2000 } }], block, { x: 500, y: 300 })).toEqual({ x: 335, y: 260 });
  });

  it("moves it to the nearest free spot when steps are in the way, clear of every one", () => {
    const task = { kind: "userTask" as const, position: { x: 400, y: 260 } };
    const corner = blockCorner([task], block, { x: 500, y: 300 });
    expect(overlaps(corner, { x: 380, y: 240, w: 240, h: 120 })).toBe(false); // the task with a 20px margin
    // Nearest: a few grid steps away, not across the canvas.
    expect(Math.max(Math.abs(corner.x - 335), Math.abs(corner.y - 260))).toBeLessThanOrEqual(240);
  });

  it("puts a second copy of a block beside the first instead of on it", () => {
    const first = block.map((s) => ({ ...s, position: { x: s.position.x + 335, y: s.position.y + 260 } }));
    const second = blockCorner(first, block, { x: 500, y: 300 });
    expect(overlaps(second, { x: 315, y: 240, w: 370, h: 120 })).toBe(false);
  });
});
