import type { NodeProps } from "@xyflow/react";
import { Clock, Mail, Zap } from "lucide-react";
import { useCanvas } from "../canvas-context.ts";
import type { StepNode } from "../flow-types.ts";
import { NodeHandles } from "./NodeHandles.tsx";
import { nodeClasses } from "./node-classes.ts";
import { StepLabel } from "./StepLabel.tsx";

/**
 * Circles, BPMN style, name underneath: start (thin green), end (bold red),
 * wait (double ring with a clock, an intermediate timer event), message wait
 * (double ring with an envelope, an intermediate message catch event),
 * event on a step's border (small double ring with a clock or a lightning
 * bolt, dashed when the step goes on; nothing leads into it).
 */
export function EventNode({ data, selected }: NodeProps<StepNode>) {
  const { editable } = useCanvas();
  const { step } = data;
  if (step.kind === "boundaryEvent") {
    const Icon = step.trigger.type === "timer" ? Clock : Zap;
    return (
      <div
        className={nodeClasses(`step-event step-boundary ${step.interrupting ? "" : "is-non-interrupting"}`, data, selected)}
        title={data.detail ? `${data.title}: ${data.detail}` : data.title}
      >
        <div className="step-event-circle">
          <Icon size={16} aria-hidden="true" />
        </div>
        <StepLabel data={data} className="step-outside-label step-event-label" />
        <NodeHandles connectable={editable} />
      </div>
    );
  }
  const kind = step.kind === "timer" || step.kind === "messageCatch" ? "timer" : step.kind === "start" ? "start" : "end";
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
