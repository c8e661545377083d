import { calendarDaysBetween, formatFullDateTime, formatTime } from "./format-date.ts";

export type DueTone = "overdue" | "today" | "soon" | "later";

export type DueInfo = {
  /** "due today", "overdue by 2 days", "due in 3 days", "due on 12 Mar". */
  label: string;
  tone: DueTone;
  /** The exact moment, for the tooltip. */
  exact: string;
};

/**
 * How a due date reads in the inbox, counted in calendar days of the
 * participant's time zone: work due at 9:00 tomorrow is "due tomorrow" even
 * when that is only ten hours away.
 */
export function describeDue(dueAt: string | Date, now: Date, locale?: string): DueInfo {
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) {
    throw new Error(`describeDue: "${String(dueAt)}" is not a date`);
  }
  const exact = formatFullDateTime(due, locale);
  const days = calendarDaysBetween(now, due);

  if (due.getTime() < now.getTime()) {
    if (days === 0) return { label: `overdue since ${formatTime(due, locale)}`, tone: "overdue", exact };
    const late = -days;
    return { label: `overdue by ${late} ${late === 1 ? "day" : "days"}`, tone: "overdue", exact };
  }
  if (days === 0) return { label: "due today", tone: "today", exact };
  if (days === 1) return { label: "due tomorrow", tone: "soon", exact };
  if (days < 7) return { label: `due in ${days} days`, tone: "later", exact };
  const sameYear = due.getFullYear() === now.getFullYear();
  const date = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(due);
  return { label: `due on ${date}`, tone: "later", exact };
}
