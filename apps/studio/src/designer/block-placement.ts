import type { StepKind } from "@baton/model";
import { nodeSizes } from "../canvas/node-geometry.ts";

type XY = { x: number; y: number };
type Placed = { kind: StepKind; position: XY };
type Box = { left: number; top: number; right: number; bottom: number };

const GRID = 20;
const MARGIN = 20;
const RINGS = 60;

/**
 * Where a block inserted with the keyboard goes: its top-left corner, so
 * that the block is centred on `centre` (the middle of the view) or, when
 * that would put it over steps already there, at the nearest spot on a
 * 20px grid, ring by ring, where it covers none. A drop with the mouse
 * lands where it is dropped instead: there the analyst chose.
 */
export function blockCorner(steps: readonly Placed[], blockSteps: readonly Placed[], centre: XY): XY {
  const size = boxOf(blockSteps);
  const width = size.right - size.left;
  const height = size.bottom - size.top;
  const start = { x: Math.round(centre.x - width / 2), y: Math.round(centre.y - height / 2) };
  const taken = steps.map((s) => boxOf([s]));
  const free = (x: number, y: number) =>
    taken.every((t) => x + width + MARGIN <= t.left || x - MARGIN >= t.right || y + height + MARGIN <= t.top || y - MARGIN >= t.bottom);
  for (let ring = 0; ring <= RINGS; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const x = start.x + dx * GRID;
        const y = start.y + dy * GRID;
        if (free(x, y)) return { x, y };
      }
    }
  }
  return start;
}

/** The smallest box around the steps' shapes, at the canvas's sizes. */
function boxOf(steps: readonly Placed[]): Box {
  if (steps.length === 0) return { left: 0, top: 0, right: 0, bottom: 0 };
  return {
    left: Math.min(...steps.map((s) => s.position.x)),
    top: Math.min(...steps.map((s) => s.position.y)),
    right: Math.max(...steps.map((s) => s.position.x + nodeSizes[s.kind].width)),
    bottom: Math.max(...steps.map((s) => s.position.y + nodeSizes[s.kind].height)),
  };
}
