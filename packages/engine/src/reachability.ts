import type { Graph } from "./graph.ts";

/**
 * Whether a token at `from` can still get to `to` by following connections,
 * without passing through `avoiding` (the join asking: a path that runs
 * through the join itself comes back only after the join has fired, so it
 * is not worth waiting for). Connections never cross a sub-process border,
 * so the walk stays in one scope; a token waiting at a sub-process or call
 * activity reaches what follows it.
 */
export function canReach(graph: Graph, from: string, to: string, avoiding: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    if (at === to) return true;
    for (const next of graph.successors(at)) {
      if (next === avoiding || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}
