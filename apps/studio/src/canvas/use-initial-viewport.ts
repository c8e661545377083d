import { getViewportForBounds, type Viewport } from "@xyflow/react";
import { useLayoutEffect, useRef, useState } from "react";
import type { ProcessDefinition } from "@baton/model";
import { initialViewSteps } from "./initial-view.ts";
import { nodeSizes } from "./node-geometry.ts";

export const FIT = { padding: 0.1, minZoom: 0.1, maxZoom: 1.1 } as const;
/** Where (screen px) a large process's beginning is put: right of the zoom buttons, below the tabs. */
const CORNER = { x: 72, y: 32 };

/**
 * The view a process opens on, worked out before the first paint: the
 * canvas's box is measured in a layout effect and the steps to show
 * (`initialViewSteps`) are fitted into it, so React Flow draws the opening
 * view at once instead of drawing at 100% and jumping to fit a frame later.
 * A small process is fitted whole and centred; a large one opens with its
 * beginning at the top left.
 * Until measured, `viewport` is null and the canvas renders nothing; when
 * the box has no size (a hidden tab), `viewport` stays null with `measured`
 * true, and React Flow's own fitView takes over with `fitOptions`.
 */
export function useInitialViewport(definition: ProcessDefinition) {
  const host = useRef<HTMLDivElement>(null);
  // Decided once, when the canvas opens.
  const [near] = useState(() => initialViewSteps(definition));
  const [state, setState] = useState<{ measured: boolean; viewport: Viewport | null }>({ measured: false, viewport: null });
  useLayoutEffect(() => {
    const box = host.current?.getBoundingClientRect();
    const bounds = stepBounds(definition, near);
    let viewport = box && box.width > 0 && box.height > 0 && bounds ? getViewportForBounds(bounds, box.width, box.height, FIT.minZoom, FIT.maxZoom, FIT.padding) : null;
    // A large process opens on its beginning: put it at the top left, where
    // the rest of the process follows, rather than in the middle of the view.
    if (viewport && bounds && near) {
      viewport = { zoom: viewport.zoom, x: CORNER.x - bounds.x * viewport.zoom, y: CORNER.y - bounds.y * viewport.zoom };
    }
    setState({ measured: true, viewport });
  }, []);
  const fitOptions = { ...(near ? { nodes: near.map((id) => ({ id })) } : {}), padding: FIT.padding, maxZoom: FIT.maxZoom };
  return { host, ...state, fitOptions };
}

/** The box around the given steps (all of them when `ids` is null), or null for an empty process. */
export function stepBounds(definition: ProcessDefinition, ids: readonly string[] | null) {
  const wanted = ids ? new Set(ids) : null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const step of definition.steps) {
    if (wanted && !wanted.has(step.id)) continue;
    const { width, height } = nodeSizes[step.kind];
    minX = Math.min(minX, step.position.x);
    minY = Math.min(minY, step.position.y);
    maxX = Math.max(maxX, step.position.x + width);
    maxY = Math.max(maxY, step.position.y + height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
