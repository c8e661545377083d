import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, Position, type EdgeProps } from "@xyflow/react";
import { isEditing, useCanvas } from "../canvas-context.ts";
import type { ConnectionEdge } from "../flow-types.ts";
import { InlineLabelEditor } from "../InlineLabelEditor.tsx";

const directions: Record<Position, [number, number]> = {
  [Position.Right]: [1, 0],
  [Position.Left]: [-1, 0],
  [Position.Top]: [0, -1],
  [Position.Bottom]: [0, 1],
};

/**
 * A connection: a right-angled line with an arrow, its words in a pill on
 * the middle, and BPMN's slash across the start of a default flow. A
 * condition shows as a small diamond in the pill. Double-clicking the pill
 * (or the line) types a label in place.
 */
export function ConnectionEdgeView(props: EdgeProps<ConnectionEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected, data } = props;
  const canvas = useCanvas();
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    borderRadius: 10,
    offset: 28,
  });
  const state = selected ? "is-selected" : data?.problem ? `has-${data.problem}` : "";
  const [dx, dy] = directions[sourcePosition];
  // The default-flow slash: a short stroke across the line, 12px from the source.
  const cx = sourceX + dx * 12;
  const cy = sourceY + dy * 12;
  const slash = `M ${cx - dy * 6 - dx * 4} ${cy + dx * 6 - dy * 4} L ${cx + dy * 6 + dx * 4} ${cy - dx * 6 + dy * 4}`;
  const at = { transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` };
  const editing = isEditing(canvas.editing, "connection", id);

  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`connection-path ${state}`} interactionWidth={18} />
      {data?.isDefault && <path d={slash} className={`connection-default-mark ${state}`} />}
      {editing && data ? (
        <EdgeLabelRenderer>
          <div className="edge-label-editor-wrap nodrag nopan" style={at}>
            <InlineLabelEditor
              initial={data.connection.label ?? ""}
              label="Label of the connection"
              className="edge-label-editor"
              onCommit={(text) => canvas.commitLabel({ type: "connection", id }, text)}
              onCancel={canvas.cancelEditing}
            />
          </div>
        </EdgeLabelRenderer>
      ) : (
        data?.text && (
          <EdgeLabelRenderer>
            <div
              className={`edge-label nodrag nopan ${state}`}
              style={at}
              title={data.connection.condition ? `When ${data.connection.condition}` : data.text}
              onClick={() => canvas.select({ type: "connection", id })}
              onDoubleClick={() => canvas.editable && canvas.startEditing({ type: "connection", id })}
            >
              {data.hasCondition && (
                <svg width="9" height="9" viewBox="0 0 10 10" aria-hidden="true" className="edge-label-condition">
                  <polygon points="5,0 10,5 5,10 0,5" />
                </svg>
              )}
              <span>{data.text}</span>
            </div>
          </EdgeLabelRenderer>
        )
      )}
    </>
  );
}
