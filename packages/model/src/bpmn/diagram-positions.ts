import type { Step } from "../process-definition.ts";
import { shapeSizes } from "../layout/shape-sizes.ts";
import { child, children, type ModdleElement } from "./moddle.ts";

/**
 * Step positions from the file's diagram interchange.
 *
 * Other tools draw tasks 100 wide; Baton draws them 200. Putting a Baton
 * shape where the file's shape was would make neighbours overlap, so the
 * drawing is stretched (never shrunk) by the largest ratio of Baton size to
 * file size, separately in x and y, around its top-left corner, and each
 * shape is centred where the file's was. Baton's own exports have Baton
 * sizes, so they come back unstretched, at exactly the same positions.
 */
export type Bounds = { x: number; y: number; width: number; height: number };

/** Every shape's bounds by semantic element, across all diagrams (the first wins). */
export function shapeBounds(definitions: ModdleElement): Map<ModdleElement, Bounds> {
  const out = new Map<ModdleElement, Bounds>();
  for (const diagram of children(definitions, "diagrams")) {
    for (const shape of children(child(diagram, "plane"), "planeElement")) {
      if (shape.$type !== "bpmndi:BPMNShape") continue;
      const element = child(shape, "bpmnElement");
      const b = child(shape, "bounds");
      if (!element || !b || out.has(element)) continue;
      const bounds = { x: num(b.x), y: num(b.y), width: num(b.width), height: num(b.height) };
      if ([bounds.x, bounds.y].every(Number.isFinite)) out.set(element, bounds);
    }
  }
  return out;
}

export function positionsFromDiagram(
  placed: { element: ModdleElement; step: Step }[],
  bounds: Map<ModdleElement, Bounds>,
):
  | { positions: Map<Step, { x: number; y: number }>; sizes: Map<Step, { width: number; height: number }>; stretch: { x: number; y: number } }
  | { missing: Step[] } {
  const missing = placed.filter((p) => !bounds.has(p.element)).map((p) => p.step);
  if (missing.length > 0) return { missing };
  const ratio = (baton: number, file: number) => (file > 0 ? baton / file : 1);
  const stretch = { x: 1, y: 1 };
  let minX = Infinity;
  let minY = Infinity;
  for (const { element, step } of placed) {
    const b = bounds.get(element)!;
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    // A sub-process's shape is as large as drawn: it sets no stretch, it is stretched.
    if (step.kind === "subProcess") continue;
    const size = shapeSizes[step.kind];
    stretch.x = Math.max(stretch.x, ratio(size.width, b.width));
    stretch.y = Math.max(stretch.y, ratio(size.height, b.height));
  }
  const positions = new Map<Step, { x: number; y: number }>();
  const sizes = new Map<Step, { width: number; height: number }>();
  for (const { element, step } of placed) {
    const b = bounds.get(element)!;
    if (step.kind === "subProcess") {
      const size = { width: stretched(b.width, stretch.x), height: stretched(b.height, stretch.y) };
      sizes.set(step, size);
      positions.set(step, { x: place(b.x, b.width, size.width, minX, stretch.x), y: place(b.y, b.height, size.height, minY, stretch.y) });
      continue;
    }
    const size = shapeSizes[step.kind];
    positions.set(step, {
      x: place(b.x, b.width, size.width, minX, stretch.x),
      y: place(b.y, b.height, size.height, minY, stretch.y),
    });
  }
  return { positions, sizes, stretch };
}

function stretched(size: number, by: number): number {
  return Math.round(size * by * 100) / 100;
}

/** Top-left of a Baton shape of `size` centred where the file's shape was, after stretching. */
function place(start: number, fileSize: number, size: number, origin: number, stretch: number): number {
  if (stretch === 1 && fileSize === size) return start;
  const centre = origin + (start + fileSize / 2 - origin) * stretch;
  return Math.round((centre - size / 2) * 100) / 100;
}

function num(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}
