import { type BoundaryEventStep, parseTimerCycle } from "@baton/model";
import { type ResolvedDue, resolveDue, resolveMoment } from "../due-date.ts";
import type { Run } from "../run.ts";
import { addIsoDuration, parseIsoDuration } from "../time/iso-duration.ts";
import type { Timer, Token } from "../types.ts";
import { cancelActivity } from "./cancel-activity.ts";
import { leaveBoundary } from "./leave-boundary.ts";

type BoundaryTimer = Timer & { purpose: { type: "boundary" } };

/**
 * Boundary timers. When an activity's token begins waiting there (its task
 * created, its call sent, its approval asked), each timer event on the
 * activity is scheduled: a duration from now, a date (FEEL; a date means
 * the start of that day), or the first time of a cycle. A token that
 * waits there again (an incident retried) keeps the timers it has, so a
 * deadline does not move. Completing the activity cancels them (the token
 * stops waiting; step.ts drops timers of tokens that no longer wait).
 *
 * When one fires: `boundaryTriggered`; interrupting, the activity is
 * cancelled (cancel-activity.ts) and a token leaves by the event's
 * connection; non-interrupting, a token leaves and the activity goes on,
 * and a cycle schedules its next time (counted from this one's, so it
 * does not drift) until it has fired as often as it says. A wait that
 * cannot be worked out (a date expression yielding nothing) leaves the
 * activity running, with an incident that says so.
 */
export function scheduleBoundaryTimers(token: Token, hostId: string, run: Run): void {
  for (const boundary of run.graph.boundariesOf(hostId)) {
    if (boundary.trigger.type !== "timer") continue;
    const scheduled = (run.state.timers ?? []).some((t) => t.tokenId === token.id && t.purpose.type === "boundary" && t.purpose.boundaryId === boundary.id);
    if (scheduled) continue;
    const when = firstTime(boundary, run);
    if (!when.ok || when.dueAt === null) {
      run.noteIncident(boundary.id, "expression.error", `timer event ${run.label(boundary.id)} on ${run.label(hostId)}: ${when.ok ? "no time" : when.message}; the step goes on without it`);
      continue;
    }
    run.schedule({ id: run.env.newId(), stepId: boundary.id, tokenId: token.id, dueAt: when.dueAt, purpose: { type: "boundary", boundaryId: boundary.id, fired: 0 } });
  }
}

/** The timer has been taken out of the waiting timers; `host` is the activity's waiting token. */
export function fireBoundaryTimer(timer: BoundaryTimer, host: Token, boundary: BoundaryEventStep, run: Run): void {
  run.emit({ type: "boundaryTriggered", stepId: boundary.id, name: boundary.name || boundary.id, attachedTo: boundary.attachedTo, tokenId: host.id, interrupting: boundary.interrupting });
  if (boundary.interrupting) {
    cancelActivity(run, host, `the timer event ${run.label(boundary.id)} went off`);
  } else {
    const next = nextTime(boundary, timer, run);
    if (next) run.schedule({ ...timer, id: run.env.newId(), dueAt: next, purpose: { ...timer.purpose, fired: timer.purpose.fired + 1 } });
  }
  leaveBoundary(run, boundary, host);
}

function firstTime(boundary: BoundaryEventStep, run: Run): ResolvedDue {
  if (boundary.trigger.type !== "timer") return { ok: true, dueAt: null };
  const { timer } = boundary.trigger;
  if (timer.type === "duration") return resolveDue({ type: "duration", duration: timer.duration }, run);
  if (timer.type === "date") return resolveMoment(timer.expression, run, "startOfDay", "timer");
  const cycle = parseTimerCycle(timer.cycle);
  if (!cycle) return { ok: false, message: `the cycle "${timer.cycle}" is not a repetition such as R3/PT1H` };
  return resolveDue({ type: "duration", duration: cycle.every }, run);
}

/** The next time of a cycle that has not yet fired as often as it says; null otherwise. */
function nextTime(boundary: BoundaryEventStep, timer: BoundaryTimer, run: Run): string | null {
  if (boundary.trigger.type !== "timer" || boundary.trigger.timer.type !== "cycle") return null;
  const cycle = parseTimerCycle(boundary.trigger.timer.cycle);
  const every = cycle && parseIsoDuration(cycle.every);
  if (!cycle || !every) return null;
  if (cycle.times !== null && timer.purpose.fired + 1 >= cycle.times) return null;
  return new Date(addIsoDuration(Date.parse(timer.dueAt), every, run.timeZone)).toISOString();
}
