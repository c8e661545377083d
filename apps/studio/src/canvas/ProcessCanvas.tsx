import { Background, BackgroundVariant, ConnectionMode, Controls, MiniMap, ReactFlow, useReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "../styles/canvas.css";
import { useCallback, useMemo, useRef, type DragEvent, type KeyboardEvent } from "react";
import type { ProcessDefinition, Problem } from "@baton/model";
import type { Directory } from "../api/studio-types.ts";
import { canConnect } from "../editor/rules.ts";
import { isTyping } from "../lib/is-typing.ts";
import { selectOnly, type ElementSelection, type Selection } from "../process/selection.ts";
import { CanvasContext, type CanvasActions } from "./canvas-context.ts";
import { ConnectionHint } from "./ConnectionHint.tsx";
import { createFlowCache, definitionToFlow } from "./definition-to-flow.ts";
import { edgeTypes } from "./edges/edge-types.ts";
import type { ConnectionEdge, StepNode } from "./flow-types.ts";
import { FocusOnRequest, type FocusRequest } from "./FocusOnRequest.tsx";
import { LARGE_PROCESS } from "./initial-view.ts";
import { FIT, useInitialViewport } from "./use-initial-viewport.ts";
import { nodeTypes } from "./nodes/node-types.ts";
import { useFlowChanges } from "./use-flow-changes.ts";

type XY = { x: number; y: number };

/** What the canvas may ask for when the draft is editable; every call becomes a command. */
export type CanvasEditor = {
  moveSteps: (moves: { id: string; position: XY }[]) => void;
  /** Connects two steps, or says why not (the rules' reason). */
  connect: (source: string, target: string) => void;
  /** Arrow keys: the selected steps by this much. */
  nudge: (dx: number, dy: number) => void;
  /** A palette item or library block dropped at a point on the canvas (flow coordinates). */
  canDrop: (types: readonly string[]) => boolean;
  drop: (data: DataTransfer, at: XY) => void;
  editing: Selection;
  startEditing: (target: Selection) => void;
  commitLabel: (target: NonNullable<Selection>, text: string) => void;
  cancelEditing: () => void;
};

type Props = {
  definition: ProcessDefinition;
  problems: readonly Problem[];
  selection: ElementSelection;
  onSelectionChange: (update: (selection: ElementSelection) => ElementSelection) => void;
  directory?: Directory | undefined;
  /** Bumped by the page to pan the view onto an element (e.g. a problem's step). */
  focus: FocusRequest | null;
  /** Absent: a published version, looked at but not changed. */
  editor?: CanvasEditor | undefined;
};

const minimapColors: Record<string, string> = {
  start: "#2f9e44",
  end: "#d92d20",
  timer: "#eaeefb",
  exclusiveGateway: "#fff4d6",
  parallelGateway: "#fff4d6",
  inclusiveGateway: "#fff4d6",
  subProcess: "#f6f7fb",
};

// Module-level: a new function on every render would redraw every step of the minimap.
const minimapColor = (n: { type?: string | undefined }) => minimapColors[n.type ?? ""] ?? "#ffffff";

const arrows: Record<string, XY> = { ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 }, ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 } };

/**
 * The process drawn with React Flow. React Flow is a view here: nodes and
 * edges are derived from the definition, and what the analyst does on them
 * (drag, connect, drop, rename) comes back as calls on `editor`, which turn
 * into commands (see use-flow-changes.ts for drags, selection, connections).
 */
export function ProcessCanvas({ definition, problems, selection, onSelectionChange, directory, focus, editor }: Props) {
  const flow = useReactFlow();
  const cache = useRef(createFlowCache());
  const opening = useInitialViewport(definition);
  const derived = useMemo(
    () => definitionToFlow({ definition, problems, selection, directory }, cache.current),
    [definition, problems, selection, directory],
  );
  const { nodes, onNodesChange, onEdgesChange, onConnectEnd } = useFlowChanges({
    definition,
    derivedNodes: derived.nodes,
    onSelectionChange,
    moveSteps: editor?.moveSteps,
    connect: editor?.connect,
  });

  const onDragOver = (e: DragEvent) => {
    if (!editor?.canDrop([...e.dataTransfer.types])) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  };
  const onDrop = (e: DragEvent) => {
    if (!editor?.canDrop([...e.dataTransfer.types])) return;
    e.preventDefault();
    editor.drop(e.dataTransfer, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };
  // Arrow keys move the selected steps by 10px as one command; React Flow's own
  // keyboard move (5px per press, one change per press) is kept out.
  const onKeyDownCapture = (e: KeyboardEvent) => {
    const arrow = arrows[e.key];
    if (!editor || !arrow || selection.steps.length === 0 || isTyping(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
    const step = e.shiftKey ? 50 : 10;
    editor.nudge(arrow.x * step, arrow.y * step);
  };

  // Stable handlers: React Flow copies each changed prop into its store, and
  // every subscriber re-checks on each store change (each frame of a drag).
  const connectSteps = editor?.connect;
  const onConnect = useCallback((c: { source: string; target: string }) => connectSteps?.(c.source, c.target), [connectSteps]);
  const isValidConnection = useCallback((c: { source: string; target: string }) => canConnect(definition, c.source, c.target).ok, [definition]);
  const startEditing = editor?.startEditing;
  const onNodeDoubleClick = useCallback((_: unknown, node: { id: string }) => startEditing?.({ type: "step", id: node.id }), [startEditing]);
  const onEdgeDoubleClick = useCallback((_: unknown, edge: { id: string }) => startEditing?.({ type: "connection", id: edge.id }), [startEditing]);

  const actions = useMemo<CanvasActions>(
    () => ({
      select: (target) => onSelectionChange(() => selectOnly(target)),
      editable: Boolean(editor),
      editing: editor?.editing ?? null,
      startEditing: editor?.startEditing ?? (() => {}),
      commitLabel: editor?.commitLabel ?? (() => {}),
      cancelEditing: editor?.cancelEditing ?? (() => {}),
    }),
    [editor, onSelectionChange],
  );

  return (
    <CanvasContext.Provider value={actions}>
      <div
        className={`canvas ${editor ? "is-editable" : ""}`}
        aria-label={`Diagram of ${definition.name}`}
        role="region"
        onDragOver={onDragOver}
        onDrop={onDrop}
        onKeyDownCapture={onKeyDownCapture}
        ref={opening.host}
      >
        {opening.measured && (
          <ReactFlow<StepNode, ConnectionEdge>
            nodes={nodes}
            edges={derived.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            connectionMode={ConnectionMode.Loose}
            connectionRadius={24}
            onNodeDoubleClick={onNodeDoubleClick}
            onEdgeDoubleClick={onEdgeDoubleClick}
            nodesDraggable={Boolean(editor)}
            nodesConnectable={Boolean(editor)}
            elementsSelectable
            snapToGrid
            snapGrid={[10, 10]}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={["Shift", "Meta", "Control"]}
            zoomOnDoubleClick={false}
            onlyRenderVisibleElements={definition.steps.length > LARGE_PROCESS}
            {...(opening.viewport ? { defaultViewport: opening.viewport } : { fitView: true, fitViewOptions: opening.fitOptions })}
            // Raising a selected edge would put its line over the edge labels.
            elevateEdgesOnSelect={false}
            minZoom={FIT.minZoom}
            maxZoom={2}
            attributionPosition="bottom-left"
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#c9ced6" />
            <Controls showInteractive={false} position="top-left" aria-label="Zoom" />
            <MiniMap
              pannable
              zoomable
              ariaLabel="Overview of the process"
              nodeColor={minimapColor}
              nodeStrokeColor="#8a94a3"
              nodeStrokeWidth={2}
              maskColor="rgba(240, 242, 245, 0.7)"
            />
            <FocusOnRequest request={focus} definition={definition} />
            {editor && <ConnectionHint definition={definition} />}
          </ReactFlow>
        )}
      </div>
    </CanvasContext.Provider>
  );
}
