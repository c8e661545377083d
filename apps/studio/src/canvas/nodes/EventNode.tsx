import type { NodeProps } from "@xyflow/react";
import { Clock, Mail } from "lucide-react";
import { useCanvas } from "../canvas-context.ts";
import type { StepNode } from "../flow-types.ts";
import { NodeHandles } from "./NodeHandles.tsx";
import { nodeClasses } from "./node-classes.ts";
import { StepLabel } from "./StepLabel.tsx";

/**
 * Circles, BPMN style, name underneath: start (thin green), end (bold red),
 * wait (double ring with a clock, an intermediate timer event), message wait
 * (double ring with an envelope, an intermediate message catch event).
 */
export function EventNode({ data, selected }: NodeProps<StepNode>) {
  const { editable } = useCanvas();
  const kind = data.step.kind === "timer" || data.step.kind === "messageCatch" ? "timer" : data.step.kind === "start" ? "start" : "end";
  return (
    <div className={nodeClasses(`step-event step-${kind}`, data, selected)} title={data.detail ? `${data.title}: ${data.detail}` : data.title}>
      <div className="step-event-circle">{data.step.kind === "timer" && <Clock size={18} aria-hidden="true" />}
        {(data.step.kind === "messageCatch" || (data.step.kind === "start" && data.step.trigger?.type === "message")) && <Mail size={data.step.kind === "start" ? 14 : 18} aria-hidden="true" />}
        {data.step.kind === "start" && data.step.trigger?.type === "timer" && <Clock size={14} aria-hidden="true" />}</div>
      <StepLabel data={data} className="step-outside-label step-event-label" />
      <NodeHandles connectable={editable && kind !== "end"} />
    </div>
  );
}
