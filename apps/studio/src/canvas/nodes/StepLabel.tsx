import { isEditing, useCanvas } from "../canvas-context.ts";
import { InlineLabelEditor } from "../InlineLabelEditor.tsx";
import type { StepNodeData } from "../flow-types.ts";

/** A step's name as drawn, or the in-place editor while it is renamed (double-click, F2). */
export function StepLabel({ data, className }: { data: StepNodeData; className: string }) {
  const canvas = useCanvas();
  const { step } = data;
  if (isEditing(canvas.editing, "step", step.id)) {
    return (
      <InlineLabelEditor
        initial={step.name}
        label={`Name of ${data.title}`}
        className={`${className} is-editing`}
        onCommit={(text) => canvas.commitLabel({ type: "step", id: step.id }, text)}
        onCancel={canvas.cancelEditing}
      />
    );
  }
  if (!step.name.trim()) return null;
  return <div className={className}>{step.name}</div>;
}
