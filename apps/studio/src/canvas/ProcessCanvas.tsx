import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "../styles/canvas.css";
import { useCallback, useMemo } from "react";
import type { ProcessDefinition, Problem } from "@baton/model";
import type { Directory } from "../api/studio-types.ts";
import type { Selection } from "../process/selection.ts";
import { CanvasSelectContext } from "./canvas-select-context.ts";
import { definitionToFlow } from "./definition-to-flow.ts";
import { edgeTypes } from "./edges/edge-types.ts";
import type { ConnectionEdge, StepNode } from "./flow-types.ts";
import { FocusOnRequest, type FocusRequest } from "./FocusOnRequest.tsx";
import { nodeTypes } from "./nodes/node-types.ts";

type Props = {
  definition: ProcessDefinition;
  problems: readonly Problem[];
  selection: Selection;
  onSelect: (selection: Selection) => void;
  directory?: Directory;
  /** Bumped by the page to pan the view onto an element (e.g. a problem's step). */
  focus: FocusRequest | null;
};

const minimapColors: Record<string, string> = {
  start: "#2f9e44",
  end: "#d92d20",
  userTask: "#ffffff",
  exclusiveGateway: "#fff4d6",
  parallelGateway: "#fff4d6",
};

/**
 * The process drawn with React Flow, read-only for now: nodes and edges are
 * derived from the definition on every render, and React Flow only reports
 * what the analyst clicked. Selection lives in the page, not here.
 */
export function ProcessCanvas({ definition, problems, selection, onSelect, directory, focus }: Props) {
  const { nodes, edges } = useMemo(
    () => definitionToFlow({ definition, problems, selection, directory }),
    [definition, problems, selection, directory],
  );

  // Keyboard users select a focused node or edge with Enter; React Flow
  // reports that as a "select" change rather than a click.
  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      const picked = changes.find((c) => c.type === "select" && c.selected);
      if (picked && picked.type === "select") onSelect({ type: "step", id: picked.id });
    },
    [onSelect],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionEdge>[]) => {
      const picked = changes.find((c) => c.type === "select" && c.selected);
      if (picked && picked.type === "select") onSelect({ type: "connection", id: picked.id });
    },
    [onSelect],
  );

  return (
    <CanvasSelectContext.Provider value={onSelect}>
      <div className="canvas" aria-label={`Diagram of ${definition.name}`} role="region">
        <ReactFlow<StepNode, ConnectionEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeClick={(_, node) => onSelect({ type: "step", id: node.id })}
          onEdgeClick={(_, edge) => onSelect({ type: "connection", id: edge.id })}
          onPaneClick={() => onSelect(null)}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          selectNodesOnDrag={false}
          deleteKeyCode={null}
          multiSelectionKeyCode={null}
          fitView
          fitViewOptions={{ padding: 0.1, maxZoom: 1.1 }}
          // Raising a selected edge would put its line over the edge labels.
          elevateEdgesOnSelect={false}
          minZoom={0.2}
          maxZoom={2}
          attributionPosition="bottom-left"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#c9ced6" />
          <Controls showInteractive={false} position="top-left" />
          <MiniMap
            pannable
            zoomable
            ariaLabel="Overview of the process"
            nodeColor={(n) => minimapColors[n.type ?? ""] ?? "#ffffff"}
            nodeStrokeColor="#8a94a3"
            nodeStrokeWidth={2}
            maskColor="rgba(240, 242, 245, 0.7)"
          />
          <FocusOnRequest request={focus} definition={definition} />
        </ReactFlow>
      </div>
    </CanvasSelectContext.Provider>
  );
}
