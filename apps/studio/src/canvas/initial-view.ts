import type { ProcessDefinition } from "@baton/model";

/** Above this many steps the canvas opens on the beginning of the process, not the whole of it. */
export const LARGE_PROCESS = 150;

/**
 * The steps to fit in view when a process opens. A small process is shown
 * whole. A large one would shrink to dots (and make React Flow draw every
 * step at once), so it opens on its start and the `count` steps nearest to
 * it along the connections, at a zoom where they can be read.
 */
export function initialViewSteps(definition: ProcessDefinition, count = 30): string[] | null {
  if (definition.steps.length <= LARGE_PROCESS) return null;
  const next = new Map<string, string[]>();
  for (const c of definition.connections) next.set(c.source, [...(next.get(c.source) ?? []), c.target]);
  const start = definition.steps.find((s) => s.kind === "start") ?? definition.steps[0]!;
  const seen = new Set([start.id]);
  const queue = [start.id];
  while (queue.length > 0 && seen.size < count) {
    for (const id of next.get(queue.shift()!) ?? []) {
      if (seen.size >= count) break;
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return [...seen];
}
