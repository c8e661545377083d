/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl`: the
 * engine may not depend on the host's zone or clock, and Temporal is not in
 * Node 20. An instant is epoch milliseconds; a `LocalDateTime` is what a
 * clock on the wall in that zone shows.
 */
export type LocalDateTime = {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError that names the zone when it is not a known IANA zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Date.UTC, except that years 0..99 are not taken as 1900..1999. */
export function utcMs(t: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(t.year, t.month - 1, t.day);
  date.setUTCHours(t.hour, t.minute, t.second, t.millisecond);
  return date.getTime();
}

/** The wall-clock time an instant shows in UTC (used for date arithmetic). */
export function utcParts(epochMs: number): LocalDateTime {
  const d = new Date(epochMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** What a wall clock in `timeZone` shows at the instant. */
export function localParts(epochMs: number, timeZone: string): LocalDateTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** The zone's offset from UTC at the instant, in milliseconds (Berlin in summer: +7,200,000). */
export function offsetMs(epochMs: number, timeZone: string): number {
  const local = localParts(epochMs, timeZone);
  return utcMs({ ...local, millisecond: 0 }) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant at which a wall clock in `timeZone` shows `local`. A time that
 * a change to summer time skips moves forward by the gap (02:30 becomes
 * 03:30); a time that occurs twice in autumn resolves to one of the two.
 */
export function zonedToEpoch(local: LocalDateTime, timeZone: string): number {
  const asUtc = utcMs(local);
  const first = asUtc - offsetMs(asUtc, timeZone);
  const offsetThere = offsetMs(first, timeZone);
  return asUtc - offsetThere;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return utcParts(utcMs({ year, month: month + 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }) - DAY_MS).day;
}

/**
 * Moves a wall-clock date by whole months and days, keeping the time of day.
 * A day past the end of the target month is clamped (Jan 31 + 1 month = Feb 29/28).
 */
export function addCalendar(local: LocalDateTime, months: number, days: number): LocalDateTime {
  const monthIndex = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(local.day, daysInMonth(year, month));
  const moved = utcParts(utcMs({ ...local, year, month, day }) + days * DAY_MS);
  return { ...moved, hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond };
}
