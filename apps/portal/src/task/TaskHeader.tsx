import { User, Users } from "lucide-react";
import { DueDate } from "../components/DueDate.tsx";
import { EscalationBadge } from "../components/EscalationBadge.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import type { Me, TaskSummary } from "../lib/api-types.ts";

/** Task name, where it comes from, when it is due and whose it is. */
export function TaskHeader({ task, me }: { task: TaskSummary; me: Me | null | undefined }) {
  const mine = task.assignee !== null && task.assignee.username === me?.username;
  return (
    <header className="task-header">
      <p className="task-header-process">{task.processName}</p>
      <h1 className="page-title">{task.name}</h1>
      <p className="task-header-instance">{task.instanceTitle}</p>
      <div className="task-header-tags">
        {task.status !== "open" ? <StatusBadge status={task.status} /> : null}
        {task.status === "open" ? <DueDate dueAt={task.dueAt} /> : null}
        {task.status === "open" ? <EscalationBadge level={task.escalationLevel} /> : null}
        {task.assignee ? (
          <span className="tag">
            <User size={14} aria-hidden="true" />
            {mine ? "Assigned to you" : `Assigned to ${task.assignee.displayName}`}
          </span>
        ) : null}
        {task.candidateGroup ? (
          <span className="tag">
            <Users size={14} aria-hidden="true" />
            {task.candidateGroup.name}
          </span>
        ) : null}
      </div>
    </header>
  );
}
