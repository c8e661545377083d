import { useReactFlow, type EdgeChange, type NodeChange, type OnConnectEnd } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import type { ProcessDefinition } from "@baton/model";
import { applySelectChanges, type ElementSelection } from "../process/selection.ts";
import { previewNodes } from "./drag-preview.ts";
import type { ConnectionEdge, StepNode } from "./flow-types.ts";
import { stepAt } from "./node-geometry.ts";

type XY = { x: number; y: number };

type Options = {
  definition: ProcessDefinition;
  derivedNodes: StepNode[];
  onSelectionChange: (update: (selection: ElementSelection) => ElementSelection) => void;
  /** Absent when read-only: moves and connections are then ignored. */
  moveSteps?: ((moves: { id: string; position: XY }[]) => void) | undefined;
  connect?: ((source: string, target: string) => void) | undefined;
};

/**
 * React Flow's changes, turned into what the page does with them: select
 * changes update the page's selection; position changes during a drag only
 * move a preview (events on a dragged step's border go along), and the drop becomes one `step.move` for every dragged
 * step; a connection dropped on a step (not only on a handle) connects.
 */
export function useFlowChanges({ definition, derivedNodes, onSelectionChange, moveSteps, connect }: Options) {
  const flow = useReactFlow();
  const [dragPreview, setDragPreview] = useState<Map<string, XY> | null>(null);
  const nodes = useMemo(() => previewNodes(derivedNodes, dragPreview), [derivedNodes, dragPreview]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      const selects = changes.flatMap((c) => (c.type === "select" ? [{ id: c.id, selected: c.selected }] : []));
      if (selects.length) onSelectionChange((s) => applySelectChanges(s, "steps", selects));
      const moves = changes.flatMap((c) => (c.type === "position" && c.position ? [{ id: c.id, position: c.position, dragging: c.dragging }] : []));
      if (moves.length === 0 || !moveSteps) return;
      if (moves.some((m) => m.dragging)) {
        setDragPreview((prev) => {
          const next = new Map(prev ?? []);
          for (const m of moves) next.set(m.id, m.position);
          return next;
        });
      } else {
        moveSteps(moves.map((m) => ({ id: m.id, position: { x: Math.round(m.position.x), y: Math.round(m.position.y) } })));
        setDragPreview(null);
      }
    },
    [moveSteps, onSelectionChange],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionEdge>[]) => {
      const selects = changes.flatMap((c) => (c.type === "select" ? [{ id: c.id, selected: c.selected }] : []));
      if (selects.length) onSelectionChange((s) => applySelectChanges(s, "connections", selects));
    },
    [onSelectionChange],
  );

  // A drop that missed every handle still connects when it lands on a step.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (!connect || state.isValid || !state.fromNode) return;
      const point = "changedTouches" in event ? event.changedTouches[0]! : event;
      const at = flow.screenToFlowPosition({ x: point.clientX, y: point.clientY });
      const target = state.toNode?.id ?? stepAt(definition.steps, at, 8)?.id;
      if (target && target !== state.fromNode.id) connect(state.fromNode.id, target);
    },
    [connect, flow, definition.steps],
  );

  return { nodes, onNodesChange, onEdgesChange, onConnectEnd };
}
