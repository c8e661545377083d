import { parseTimerCycle } from "./timer-cycle.ts";

/**
 * A timer start's cycle: BPMN's timeCycle with an optional first time,
 * `R/PT1H` or `R3/2025-01-06T08:00:00Z/P7D`. `first` is the ISO instant
 * of the first start (null: one period after the trigger becomes active).
 */
export type StartCycle = { times: number | null; every: string; first: string | null };

export function parseStartCycle(text: string): StartCycle | null {
  const parts = text.trim().split("/");
  if (parts.length === 3) {
    const [repeat = "", first = "", every = ""] = parts;
    const cycle = parseTimerCycle(`${repeat}/${every}`);
    return cycle && isIsoInstant(first) ? { ...cycle, first: new Date(first).toISOString() } : null;
  }
  const cycle = parseTimerCycle(text);
  return cycle && { ...cycle, first: null };
}

/** A full ISO 8601 date-time with a zone (`Z` or an offset), e.g. 2025-01-06T08:00:00Z. */
export function isIsoInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim()) && !Number.isNaN(Date.parse(text));
}
