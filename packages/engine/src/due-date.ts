import type { DueRule } from "@baton/model";
import { FeelDate, FeelDateTime, FeelDuration } from "feelin";
import { describeFeelValue } from "./feel.ts";
import type { Run } from "./run.ts";
import { type LocalDateTime, addCalendar, localParts, zonedToEpoch } from "./time/calendar.ts";
import { addIsoDuration, parseIsoDuration } from "./time/iso-duration.ts";
import { dateTimeToEpoch, parseTemporalText } from "./time/temporal-text.ts";

export type ResolvedDue = { ok: true; dueAt: string | null } | { ok: false; message: string };

/**
 * When a task created now is due, as an ISO instant. Calendar rules are read
 * in the definition's time zone, so "end of day" is the end of the day the
 * participants live in, not UTC's. A FEEL date means the end of that day; a
 * date-time without a zone is a wall-clock time in the definition's zone.
 */
export function resolveDue(due: DueRule | undefined, run: Run): ResolvedDue {
  if (!due) return { ok: true, dueAt: null };
  const now = Date.parse(run.env.now);
  try {
    switch (due.type) {
      case "endOfDay":
        return at(endOfLocalDay(now, due.days ?? 0, run.timeZone));
      case "duration": {
        const duration = parseIsoDuration(due.duration);
        if (!duration) return { ok: false, message: `due duration "${due.duration}" is not an ISO 8601 duration such as PT4H or P2D` };
        return at(addIsoDuration(now, duration, run.timeZone));
      }
      case "expression":
        return resolveMoment(due.expression, run, "endOfDay", "due");
    }
  } catch (error) {
    // Intl refuses an unknown time zone; that is the definition's problem, reported on the step.
    return { ok: false, message: `due date: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function at(epochMs: number): ResolvedDue {
  return { ok: true, dueAt: new Date(epochMs).toISOString() };
}

/** 23:59:59.999 on the local calendar day `days` after the instant. */
function endOfLocalDay(epochMs: number, days: number, timeZone: string): number {
  return endOfDate(addCalendar(localParts(epochMs, timeZone), 0, days), timeZone);
}

function endOfDate(day: LocalDateTime, timeZone: string): number {
  return zonedToEpoch({ ...day, hour: 23, minute: 59, second: 59, millisecond: 999 }, timeZone);
}

/**
 * The instant a FEEL expression names, counted from the event's time: a
 * duration from now, a date-time (a wall-clock time in the definition's
 * zone when it has none), or a date, read as the start or the end of that
 * day. `what` starts the messages ("due", "timer").
 */
export function resolveMoment(expression: string, run: Run, dateMeans: "startOfDay" | "endOfDay", what: string): ResolvedDue {
  const now = Date.parse(run.env.now);
  const outcome = run.evaluate(expression);
  if (!outcome.ok) return { ok: false, message: `${what} ${outcome.error}` };
  const { value } = outcome;
  const text =
    value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelDuration
      ? value.toString()
      : typeof value === "string"
        ? value
        : null;
  const duration = text === null ? null : parseIsoDuration(text);
  if (duration) return at(addIsoDuration(now, duration, run.timeZone));
  const temporal = text === null ? null : parseTemporalText(text);
  if (temporal?.kind === "date") {
    return at(dateMeans === "endOfDay" ? endOfDate(temporal.local, run.timeZone) : zonedToEpoch({ ...temporal.local, hour: 0, minute: 0, second: 0, millisecond: 0 }, run.timeZone));
  }
  if (temporal?.kind === "dateTime") return at(dateTimeToEpoch(temporal, run.timeZone));
  const why = outcome.warnings.length > 0 ? ` (${outcome.warnings.join("; ")})` : "";
  return {
    ok: false,
    message: `${what} \`${expression}\` yielded ${describeFeelValue(value)}${why}; expected a date, a date-time or a duration`,
  };
}
