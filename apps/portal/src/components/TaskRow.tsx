import { FileText, Users } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { TaskSummary } from "../lib/api-types.ts";
import { DueDate } from "./DueDate.tsx";
import { EscalationBadge } from "./EscalationBadge.tsx";

/** One task in a list: name (the link), process and instance, due date, escalation and draft badges, and an action. */
export function TaskRow({ task, action }: { task: TaskSummary; action?: ReactNode }) {
  return (
    <li className="task-row">
      <div className="task-row-main">
        <Link to={`/tasks/${encodeURIComponent(task.id)}`} className="task-row-link">
          {task.name}
        </Link>
        <p className="task-row-meta">{instanceLine(task)}</p>
        <div className="task-row-tags">
          <DueDate dueAt={task.dueAt} />
          {task.status === "open" ? <EscalationBadge level={task.escalationLevel} /> : null}
          {task.candidateGroup && !task.assignee ? (
            <span className="tag">
              <Users size={14} aria-hidden="true" />
              {task.candidateGroup.name}
            </span>
          ) : null}
          {task.hasDraft ? (
            <span className="badge badge--draft">
              <FileText size={13} aria-hidden="true" />
              Draft saved
            </span>
          ) : null}
        </div>
      </div>
      {action ? <div className="task-row-action">{action}</div> : null}
    </li>
  );
}

/** "Lead to customer #12 — ACME Ltd" already names its process; other titles get the process in front. */
function instanceLine(task: TaskSummary): string {
  return task.instanceTitle.startsWith(task.processName)
    ? task.instanceTitle
    : `${task.processName} · ${task.instanceTitle}`;
}
