import { useConnection, useViewport, ViewportPortal } from "@xyflow/react";
import type { ProcessDefinition } from "@baton/model";
import { canConnect } from "../editor/rules.ts";
import { stepAt } from "./node-geometry.ts";

/**
 * While a connection is dragged over a step it may not go to, says why,
 * next to the pointer ("Nothing can lead into the start…"), at the same
 * size whatever the zoom. The step under
 * the pointer is found from the definition, so the whole shape counts, not
 * only its handles.
 */
export function ConnectionHint({ definition }: { definition: ProcessDefinition }) {
  const connection = useConnection();
  const { zoom } = useViewport();
  if (!connection.inProgress || !connection.fromNode) return null;
  const target = connection.toNode ? definition.steps.find((s) => s.id === connection.toNode!.id) : stepAt(definition.steps, connection.to, 8);
  if (!target || target.id === connection.fromNode.id) return null;
  const verdict = canConnect(definition, connection.fromNode.id, target.id);
  if (verdict.ok) return null;
  return (
    <ViewportPortal>
      <div className="connection-hint" role="status" style={{ transform: `translate(${connection.to.x + 14 / zoom}px, ${connection.to.y + 14 / zoom}px) scale(${1 / zoom})`, transformOrigin: "0 0" }}>
        {verdict.reason}
      </div>
    </ViewportPortal>
  );
}
