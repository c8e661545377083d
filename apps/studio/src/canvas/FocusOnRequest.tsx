import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import type { ProcessDefinition } from "@baton/model";
import type { Selection } from "../process/selection.ts";

/** "Show me this": the selection to pan to, with a counter so the same target can be asked for twice. */
export type FocusRequest = { target: Selection; nonce: number };

/**
 * Pans and zooms onto the requested step, or both ends of a connection.
 * Rendered inside <ReactFlow> so it can reach the viewport.
 */
export function FocusOnRequest({ request, definition }: { request: FocusRequest | null; definition: ProcessDefinition }) {
  const flow = useReactFlow();
  useEffect(() => {
    const target = request?.target;
    if (!target) return;
    let ids: string[] = [];
    if (target.type === "step") ids = [target.id];
    else {
      const c = definition.connections.find((x) => x.id === target.id);
      if (c) ids = [c.source, c.target];
    }
    const known = ids.filter((id) => flow.getNode(id));
    if (known.length === 0) return;
    void flow.fitView({ nodes: known.map((id) => ({ id })), duration: 350, maxZoom: 1.1, padding: 0.6 });
    // Only a new request moves the view, not a re-render.
  }, [request?.nonce]);
  return null;
}
