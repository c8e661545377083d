import type { NodeProps } from "@xyflow/react";
import type { StepNode } from "../flow-types.ts";
import { NodeHandles } from "./NodeHandles.tsx";
import { nodeClasses } from "./node-classes.ts";

/** Start (thin green circle) and end (bold red circle), BPMN style, name underneath. */
export function EventNode({ data, selected }: NodeProps<StepNode>) {
  const kind = data.step.kind === "start" ? "start" : "end";
  return (
    <div className={nodeClasses(`step-event step-${kind}`, data, selected)} title={data.title}>
      <div className="step-event-circle" />
      {data.step.name.trim() && <div className="step-outside-label step-event-label">{data.step.name}</div>}
      <NodeHandles />
    </div>
  );
}
