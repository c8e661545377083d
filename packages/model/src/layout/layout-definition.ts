import type { ElkNode } from "elkjs/lib/elk-api";
import type { ProcessDefinition } from "../process-definition.ts";
import { shapeSizes } from "./shape-sizes.ts";

/**
 * Places every step anew, left to right, with ELK's layered (Sugiyama)
 * algorithm: used when an imported BPMN file has no diagram, and by the
 * studio's "auto-layout" button. Connections are untouched; only positions
 * change. Loops back (a decision returning to an earlier task) are broken
 * depth-first from the start, so the start stays on the left.
 *
 * elkjs is loaded on first use: it is large, and most callers never lay out.
 */
const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
  "elk.spacing.nodeNode": "40",
  "elk.layered.spacing.nodeNodeBetweenLayers": "60",
  "elk.padding": "[top=40,left=40,bottom=40,right=40]",
};

export async function layoutDefinition(definition: ProcessDefinition): Promise<ProcessDefinition> {
  // Duplicate step ids (a validation error) would confuse ELK: lay out the first of each.
  const steps = new Map(definition.steps.map((s) => [s.id, s]));
  const root: ElkNode = { id: "__baton_root__", layoutOptions: LAYOUT_OPTIONS, children: [], edges: [] };
  // A sub-process is a node with its inside as children: ELK sizes it around them and
  // places them relative to its corner, which is how positions inside are stored.
  const nodes = new Map<string, ElkNode>();
  for (const s of steps.values()) {
    nodes.set(s.id, s.kind === "subProcess" ? { id: s.id, layoutOptions: { ...LAYOUT_OPTIONS, "elk.padding": "[top=50,left=30,bottom=30,right=30]" }, children: [], edges: [] } : { id: s.id, ...shapeSizes[s.kind] });
  }
  const containerOf = (id: string): ElkNode => {
    const parent = steps.get(id)?.parent;
    return parent !== undefined && parent !== id && steps.get(parent)?.kind === "subProcess" && !inside(steps, parent, id) ? nodes.get(parent)! : root;
  };
  for (const [id, node] of nodes) containerOf(id).children!.push(node);
  definition.connections.forEach((c, i) => {
    if (!steps.has(c.source) || !steps.has(c.target)) return;
    const container = containerOf(c.source);
    if (container !== containerOf(c.target)) return; // crosses a border: a validation error, not a layout
    container.edges!.push({ id: `e${i}`, sources: [c.source], targets: [c.target] });
  });
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const laidOut = await new ELK().layout(root);
  const placed = new Map<string, ElkNode>();
  const collect = (node: ElkNode) => {
    for (const n of node.children ?? []) {
      placed.set(n.id, n);
      collect(n);
    }
  };
  collect(laidOut);
  return {
    ...definition,
    steps: definition.steps.map((s) => {
      const node = placed.get(s.id);
      if (!node) return s;
      const position = { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0) };
      return s.kind === "subProcess" ? { ...s, position, size: { width: Math.round(node.width ?? 0), height: Math.round(node.height ?? 0) } } : { ...s, position };
    }),
  };
}

/** Whether `id` lies (however deeply) inside `outer`'s chain of parents, i.e. nesting would loop. */
function inside(steps: ReadonlyMap<string, { parent?: string | undefined }>, outer: string, id: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = outer; at !== undefined && !seen.has(at); at = steps.get(at)?.parent) {
    if (at === id) return true;
    seen.add(at);
  }
  return false;
}
