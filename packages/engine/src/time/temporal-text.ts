import { type LocalDateTime, utcMs, utcParts, zonedToEpoch } from "./calendar.ts";

/**
 * A date or date-time written as text: what a date field stores
 * (`2024-05-01`), what `Date#toISOString` gives, and the canonical form of
 * FEEL's temporal values (`2024-05-01T10:00:00@Europe/Berlin`).
 */
export type TemporalText =
  | { kind: "date"; local: LocalDateTime }
  | {
      kind: "dateTime";
      local: LocalDateTime;
      /** A fixed offset, a named zone, or neither (a wall-clock time). */
      zone: { offsetMs: number } | { timeZone: string } | null;
    };

const PATTERN =
  /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2}|@[A-Za-z0-9_+\-/]+)?)?$/;

/** Returns null when the text is neither a date nor a date-time, or names a day that does not exist. */
export function parseTemporalText(text: string): TemporalText | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const num = (i: number) => Number(match[i] ?? "0");
  const local: LocalDateTime = {
    year: num(1),
    month: num(2),
    day: num(3),
    hour: num(4),
    minute: num(5),
    second: num(6),
    millisecond: Number(((match[7] ?? "") + "000").slice(0, 3)),
  };
  // 2024-02-30 or 25:00 would silently roll over in Date arithmetic.
  const normalized = utcParts(utcMs(local));
  const fields = ["year", "month", "day", "hour", "minute", "second"] as const;
  if (fields.some((f) => normalized[f] !== local[f])) return null;
  if (match[4] === undefined) return { kind: "date", local };
  return { kind: "dateTime", local, zone: parseZone(match[8]) };
}

function parseZone(text: string | undefined): { offsetMs: number } | { timeZone: string } | null {
  if (text === undefined) return null;
  if (text === "Z") return { offsetMs: 0 };
  if (text.startsWith("@")) return { timeZone: text.slice(1) };
  const digits = text.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return { offsetMs: sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000 };
}

/** The instant a date-time names; a wall-clock time is read in `defaultTimeZone`. */
export function dateTimeToEpoch(value: Extract<TemporalText, { kind: "dateTime" }>, defaultTimeZone: string): number {
  const { zone, local } = value;
  if (zone === null) return zonedToEpoch(local, defaultTimeZone);
  if ("offsetMs" in zone) return utcMs(local) - zone.offsetMs;
  return zonedToEpoch(local, zone.timeZone);
}
