import type { NodeProps } from "@xyflow/react";
import { isEditing, useCanvas } from "../canvas-context.ts";
import { InlineLabelEditor } from "../InlineLabelEditor.tsx";
import type { StepNode } from "../flow-types.ts";
import { NodeHandles } from "./NodeHandles.tsx";
import { nodeClasses } from "./node-classes.ts";

/**
 * An expanded sub-process: a large rounded box with its name in the top
 * corner; the steps inside are React Flow child nodes drawn in it (their
 * positions are relative to its corner). Steps dropped from the palette
 * onto it go inside it.
 */
export function SubProcessNode({ data, selected }: NodeProps<StepNode>) {
  const canvas = useCanvas();
  const { step } = data;
  const editing = isEditing(canvas.editing, "step", step.id);
  return (
    <div className="step-task-frame">
      <div className={nodeClasses("step-subprocess", data, selected)}>
        {editing ? (
          <InlineLabelEditor
            initial={step.name}
            label={`Name of ${data.title}`}
            className="step-task-title-editor"
            onCommit={(text) => canvas.commitLabel({ type: "step", id: step.id }, text)}
            onCancel={canvas.cancelEditing}
          />
        ) : (
          <div className="step-subprocess-title" title={data.title}>
            {data.title}
          </div>
        )}
      </div>
      <NodeHandles connectable={canvas.editable} />
    </div>
  );
}
