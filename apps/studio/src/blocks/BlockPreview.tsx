import { useId, useMemo } from "react";
import type { Connection, Step } from "@baton/model";
import { blockPreview } from "./block-preview.ts";

type Props = {
  steps: readonly Step[];
  connections: readonly Connection[];
  /** Shown to screen readers, e.g. the block's name. */
  label: string;
};

/** A small drawing of a block's steps and connections, scaled to fit its box. */
export function BlockPreview({ steps, connections, label }: Props) {
  const model = useMemo(() => blockPreview({ steps, connections }), [steps, connections]);
  // Used inside url(#…): keep to characters that need no escaping.
  const arrowId = `block-arrow-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const summary = `${label}: ${steps.length} step${steps.length === 1 ? "" : "s"}, ${connections.length} connection${connections.length === 1 ? "" : "s"}`;
  if (model.shapes.length === 0) return <div className="block-preview is-empty" role="img" aria-label={summary} />;
  return (
    <svg className="block-preview" viewBox={model.viewBox} preserveAspectRatio="xMidYMid meet" role="img" aria-label={summary}>
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="12" markerHeight="12" orient="auto-start-reverse" markerUnits="userSpaceOnUse">
          <path d="M0,0 L10,5 L0,10 z" className="block-preview-arrow" />
        </marker>
      </defs>
      {model.shapes.map((shape) => {
        switch (shape.type) {
          case "flow":
            return <line key={`c:${shape.connectionId}`} className="block-preview-flow" x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} markerEnd={`url(#${arrowId})`} />;
          case "task":
            return (
              <rect key={`s:${shape.stepId}`} className="block-preview-task" x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={10}>
                <title>{shape.name || shape.stepId}</title>
              </rect>
            );
          case "event":
            return (
              <circle key={`s:${shape.stepId}`} className={`block-preview-event is-${shape.kind}`} cx={shape.cx} cy={shape.cy} r={shape.r}>
                <title>{shape.name || shape.stepId}</title>
              </circle>
            );
          case "gateway":
            return (
              <polygon key={`s:${shape.stepId}`} className={`block-preview-gateway is-${shape.kind}`} points={shape.points}>
                <title>{shape.name || shape.stepId}</title>
              </polygon>
            );
        }
      })}
    </svg>
  );
}
