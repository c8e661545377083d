import { Siren } from "lucide-react";

/** "Escalated" on a late task whose escalation has started, with the level for those who need it. */
export function EscalationBadge({ level }: { level: number }) {
  if (level < 1) return null;
  return (
    <span className="badge badge--escalated" title={`Escalation level ${level} has been reached: the task is overdue and others were told.`}>
      <Siren size={13} aria-hidden="true" />
      Escalated{level > 1 ? ` · level ${level}` : ""}
    </span>
  );
}
