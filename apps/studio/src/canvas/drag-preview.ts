import type { StepNode } from "./flow-types.ts";

type XY = { x: number; y: number };

/**
 * The nodes as they look during a drag: the dragged ones where the mouse
 * has them, and the events on a dragged step's border moved along by as
 * much (the drop then moves them for real, see boundaries-follow-host).
 */
export function previewNodes(nodes: StepNode[], preview: ReadonlyMap<string, XY> | null): StepNode[] {
  if (!preview) return nodes;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return nodes.map((n) => {
    const at = preview.get(n.id) ?? riderPosition(n, byId, preview);
    return at ? { ...n, position: at } : n;
  });
}

function riderPosition(node: StepNode, byId: ReadonlyMap<string, StepNode>, preview: ReadonlyMap<string, XY>): XY | undefined {
  const { step } = node.data;
  if (step.kind !== "boundaryEvent") return undefined;
  const host = byId.get(step.attachedTo);
  const hostAt = host && preview.get(host.id);
  if (!host || !hostAt) return undefined;
  return { x: node.position.x + hostAt.x - host.position.x, y: node.position.y + hostAt.y - host.position.y };
}
