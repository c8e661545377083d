import { formatDateTime } from "./format-date.ts";

/**
 * How long ago something happened, for lists of recent events: "just now",
 * "5 minutes ago", "3 hours ago", "yesterday", then the date and time.
 */
export function describeAge(at: string | Date, now: Date, locale?: string): string {
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) throw new Error(`describeAge: "${String(at)}" is not a date`);
  const seconds = Math.round((now.getTime() - when.getTime()) / 1000);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (seconds < 60) {
    const justNow = relative.format(0, "second");
    return justNow === "now" ? "just now" : justNow;
  }
  if (seconds < 3600) return relative.format(-Math.floor(seconds / 60), "minute");
  if (seconds < 86_400) return relative.format(-Math.floor(seconds / 3600), "hour");
  if (seconds < 2 * 86_400) return relative.format(-1, "day");
  return formatDateTime(when, locale);
}
