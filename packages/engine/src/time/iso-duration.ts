import { addCalendar, localParts, zonedToEpoch } from "./calendar.ts";

/**
 * An ISO 8601 duration as written in due rules and FEEL: `P2D`, `PT4H30M`,
 * `P1W`, `P1Y2M`, `-PT15M`. Only seconds may have a fraction.
 */
export type IsoDuration = {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

const PATTERN =
  /^([-+])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Returns null when the text is not an ISO 8601 duration. */
export function parseIsoDuration(text: string): IsoDuration | null {
  const trimmed = text.trim();
  const match = PATTERN.exec(trimmed);
  // "P" alone and "PT" with nothing after it match the pattern but mean nothing.
  if (!match || trimmed.endsWith("P") || trimmed.endsWith("T")) return null;
  const n = (i: number) => Number((match[i] ?? "0").replace(",", "."));
  return {
    sign: match[1] === "-" ? -1 : 1,
    years: n(2),
    months: n(3),
    weeks: n(4),
    days: n(5),
    hours: n(6),
    minutes: n(7),
    seconds: n(8),
  };
}

/**
 * Adds a duration to an instant the way a person reads it: years, months,
 * weeks and days move the calendar date in `timeZone` and keep the time of
 * day (P1D across a change to summer time is 23 hours), hours, minutes and
 * seconds are exact elapsed time.
 */
export function addIsoDuration(epochMs: number, duration: IsoDuration, timeZone: string): number {
  const { sign } = duration;
  const months = sign * (duration.years * 12 + duration.months);
  const days = sign * (duration.weeks * 7 + duration.days);
  let result = epochMs;
  if (months !== 0 || days !== 0) {
    const local = localParts(epochMs, timeZone);
    result = zonedToEpoch(addCalendar(local, months, days), timeZone);
  }
  const exactMs = (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000;
  return result + sign * Math.round(exactMs);
}
