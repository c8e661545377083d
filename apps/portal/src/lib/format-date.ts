/**
 * Date and time as participants read them, in the browser's language.
 * `locale` is a parameter so tests can pin it.
 */
export function formatTime(value: string | Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(new Date(value));
}

export function formatDateTime(value: string | Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** The long form for tooltips: "Monday, 3 March 2025 at 17:00". */
export function formatFullDateTime(value: string | Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short" }).format(new Date(value));
}

/** Whole calendar days from `from` to `to` in local time (tomorrow = 1, yesterday = -1). */
export function calendarDaysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / 86_400_000);
}
