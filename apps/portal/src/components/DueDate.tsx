import { Clock } from "lucide-react";
import { describeDue } from "../lib/due-date.ts";
import { useNow } from "../lib/use-now.ts";

/** "due today" / "overdue by 2 days" (in red), with the exact date on hover and for screen readers. */
export function DueDate({ dueAt }: { dueAt: string | null }) {
  const now = useNow();
  if (!dueAt) return null;
  const due = describeDue(dueAt, now);
  return (
    <span className={`due due--${due.tone}`} title={due.exact}>
      <Clock size={14} aria-hidden="true" />
      <time dateTime={dueAt}>{due.label}</time>
      <span className="visually-hidden"> ({due.exact})</span>
    </span>
  );
}
