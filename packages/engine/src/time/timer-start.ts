import { type StartTrigger, parseStartCycle } from "@baton/model";
import { addIsoDuration, parseIsoDuration } from "./iso-duration.ts";

type TimerTrigger = Extract<StartTrigger, { type: "timer" }>["timer"];

/** A start a timer trigger asks for: when, and how many starts it has asked for before this one. */
export type TimerStart = { dueAt: string; fired: number };

/**
 * When a process with a timer start starts next. `previous` is the start
 * that just happened (absent: the trigger has just become active, at
 * `now`). A cycle without a first time starts one period after it became
 * active; with one, at that time. Times that passed while nobody was
 * there (a first time long ago, a server that was down) are skipped, not
 * made up for, but they count towards a cycle's number of times. A date
 * starts once, and not at all when it had passed when the trigger became
 * active (publishing again must not start it again). Null: no more starts.
 */
export function nextTimerStart(timer: TimerTrigger, now: string, timeZone: string, previous?: TimerStart): TimerStart | null {
  const nowMs = Date.parse(now);
  if (timer.type === "date") {
    if (previous) return null;
    const at = Date.parse(timer.date);
    return Number.isNaN(at) || at < nowMs ? null : { dueAt: new Date(at).toISOString(), fired: 0 };
  }
  const cycle = parseStartCycle(timer.cycle);
  const every = cycle && parseIsoDuration(cycle.every);
  if (!cycle || !every) return null;
  const step = (ms: number) => addIsoDuration(ms, every, timeZone);
  let fired = previous ? previous.fired + 1 : 0;
  let at = previous ? step(Date.parse(previous.dueAt)) : cycle.first !== null ? Date.parse(cycle.first) : step(nowMs);
  while (at < nowMs) {
    const next = step(at);
    if (next <= at) return null;
    at = next;
    fired += 1;
  }
  if (cycle.times !== null && fired >= cycle.times) return null;
  return { dueAt: new Date(at).toISOString(), fired };
}
