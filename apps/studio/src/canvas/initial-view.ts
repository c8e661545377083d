import type { ProcessDefinition } from "@baton/model";
import { stepCentre } from "./node-geometry.ts";

/** Above this many steps the canvas opens on the beginning of the process, not the whole of it. */
export const LARGE_PROCESS = 150;

/** How far from the start (flow px) the first view of a large process reaches: about one screen at full size. */
const VIEW_REACH = { x: 1200, y: 600 };

/**
 * The steps to fit in view when a process opens. A small process is shown
 * whole. A large one would shrink to dots (and make React Flow draw every
 * step at once), so it opens on its start and up to `count` steps that
 * follow it along the connections, taking only those within about a
 * screen of the start so the first view stays readable.
 */
export function initialViewSteps(definition: ProcessDefinition, count = 30): string[] | null {
  if (definition.steps.length <= LARGE_PROCESS) return null;
  const next = new Map<string, string[]>();
  for (const c of definition.connections) next.set(c.source, [...(next.get(c.source) ?? []), c.target]);
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const start = definition.steps.find((s) => s.kind === "start") ?? definition.steps[0]!;
  const origin = stepCentre(start);
  const near = (id: string) => {
    const step = byId.get(id);
    if (!step) return false;
    const c = stepCentre(step);
    return Math.abs(c.x - origin.x) <= VIEW_REACH.x && Math.abs(c.y - origin.y) <= VIEW_REACH.y;
  };
  const seen = new Set([start.id]);
  const queue = [start.id];
  while (queue.length > 0 && seen.size < count) {
    for (const id of next.get(queue.shift()!) ?? []) {
      if (seen.size >= count) break;
      if (!seen.has(id) && near(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return [...seen];
}
