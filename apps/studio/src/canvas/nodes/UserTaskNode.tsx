import type { NodeProps } from "@xyflow/react";
import { Braces, Clock, User, Users } from "lucide-react";
import type { StepNode } from "../flow-types.ts";
import { NodeHandles } from "./NodeHandles.tsx";
import { nodeClasses } from "./node-classes.ts";

const assigneeIcons = { user: User, group: Users, expression: Braces };

/** A card: the task's name, who does it and when it is due. */
export function UserTaskNode({ data, selected }: NodeProps<StepNode>) {
  const AssigneeIcon = data.assignee ? assigneeIcons[data.assignee.type] : User;
  return (
    <div className={nodeClasses("step-task", data, selected)}>
      <div className="step-task-title" title={data.title}>
        {data.title}
      </div>
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
      </div>
      <NodeHandles />
    </div>
  );
}
