import type { NodeProps } from "@xyflow/react";
import { BellRing, Braces, CheckSquare, Clock, Globe, Siren, User, Users, Workflow } from "lucide-react";
import { stepKindLabel } from "../../properties/describe-step.ts";
import { isEditing, useCanvas } from "../canvas-context.ts";
import { InlineLabelEditor } from "../InlineLabelEditor.tsx";
import type { StepNode } from "../flow-types.ts";
import { NodeHandles } from "./NodeHandles.tsx";
import { nodeClasses } from "./node-classes.ts";

const assigneeIcons = { user: User, group: Users, expression: Braces };
const kindIcons = { approval: CheckSquare, notify: BellRing, serviceCall: Globe, callActivity: Workflow } as const;

/**
 * A card: the task's name, who does it and when it is due. The other
 * task-like kinds (approval, notify, service call, call a process) get the
 * same card with their kind named in its corner.
 */
export function UserTaskNode({ data, selected }: NodeProps<StepNode>) {
  const canvas = useCanvas();
  const { step } = data;
  const AssigneeIcon = data.assignee ? assigneeIcons[data.assignee.type] : User;
  const KindIcon = step.kind in kindIcons ? kindIcons[step.kind as keyof typeof kindIcons] : null;
  const editing = isEditing(canvas.editing, "step", step.id);
  // The card clips its text; the handles sit outside it so all of each dot can be grabbed.
  return (
    <div className="step-task-frame">
      <div className={nodeClasses(`step-task step-kind-${step.kind}`, data, selected)}>
        {KindIcon && (
          <div className="step-task-kind">
            <KindIcon size={12} aria-hidden="true" />
            <span>{stepKindLabel(step.kind)}</span>
          </div>
        )}
        {editing ? (
          <InlineLabelEditor
            initial={step.name}
            label={`Name of ${data.title}`}
            className="step-task-title-editor"
            onCommit={(text) => canvas.commitLabel({ type: "step", id: step.id }, text)}
            onCancel={canvas.cancelEditing}
          />
        ) : (
          <div className="step-task-title" title={data.title}>
            {data.title}
          </div>
        )}
        {/* Who and when share one row so a two-line name still fits; a long assignee gets an ellipsis. */}
        <div className="step-task-meta-row">
          {data.assignee && (
            <span className="step-task-meta" title={data.assignee.text}>
              <AssigneeIcon size={13} aria-hidden="true" />
              <span>{data.assignee.text}</span>
            </span>
          )}
          {data.due && (
            <span className="step-task-meta" title={`Due: ${data.due.long}`}>
              <Clock size={13} aria-label="Due" />
              <span>{data.due.short}</span>
            </span>
          )}
          {data.escalation && (
            <span className="step-task-meta" title={`Escalation: ${data.escalation.text}`}>
              <Siren size={13} aria-label="Escalates" />
              <span>{data.escalation.levels}</span>
            </span>
          )}
          {data.detail && (
            <span className="step-task-meta" title={data.detail}>
              <span>{data.detail}</span>
            </span>
          )}
        </div>
      </div>
      <NodeHandles connectable={canvas.editable} />
    </div>
  );
}
