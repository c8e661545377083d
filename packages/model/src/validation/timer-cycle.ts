import { isIsoDuration } from "./iso-duration.ts";

/** A repeating timer: every `every` (ISO 8601 duration), `times` times, or while it lasts when null. */
export type TimerCycle = { times: number | null; every: string };

/**
 * Reads an ISO 8601 repetition as BPMN's timeCycle writes it: `R3/PT1H`
 * (three times, an hour apart, the first an hour from now) or `R/P1D`
 * (every day, without end). A zero count, a missing duration or anything
 * else is null.
 */
export function parseTimerCycle(text: string): TimerCycle | null {
  const match = /^R(\d*)\/(P[^/]+)$/.exec(text.trim());
  if (!match) return null;
  const [, count = "", every = ""] = match;
  if (!isIsoDuration(every)) return null;
  if (count === "") return { times: null, every };
  const times = Number(count);
  return times > 0 ? { times, every } : null;
}
