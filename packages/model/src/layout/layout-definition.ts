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
  const ids = new Set(definition.steps.map((s) => s.id));
  const graph: ElkNode = {
    id: "__baton_root__",
    layoutOptions: LAYOUT_OPTIONS,
    // Duplicate step ids (a validation error) would confuse ELK: lay out the first of each.
    children: [...new Map(definition.steps.map((s) => [s.id, s])).values()].map((s) => ({
      id: s.id,
      ...shapeSizes[s.kind],
    })),
    edges: definition.connections
      .filter((c) => ids.has(c.source) && ids.has(c.target))
      .map((c, i) => ({ id: `e${i}`, sources: [c.source], targets: [c.target] })),
  };
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const laidOut = await new ELK().layout(graph);
  const placed = new Map((laidOut.children ?? []).map((n) => [n.id, { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) }]));
  return {
    ...definition,
    steps: definition.steps.map((s) => ({ ...s, position: placed.get(s.id) ?? s.position })),
  };
}
