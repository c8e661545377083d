import type { TimerStep } from "@baton/model";
import { type ResolvedDue, resolveDue, resolveMoment } from "../due-date.ts";
import type { Run } from "../run.ts";
import type { Token } from "../types.ts";
import type { Element } from "./element.ts";

/**
 * A timer step: the token waits until a duration has passed or a date has
 * come (FEEL, e.g. the call-back date a rep entered; a date means the
 * start of that day in the process's time zone). Arrival schedules the
 * timer; `timerFired` moves the token on. A time already past fires as
 * soon as the runtime gets to it. An expression that breaks stops the
 * token under an incident; retrying works it out again.
 */
export const timerElement: Element<"timer"> & { fire(token: Token, step: TimerStep, run: Run): void } = {
  arrive(token, step, run) {
    const when = timerDue(step, run);
    if (!when.ok || when.dueAt === null) {
      run.raiseIncident(token, "expression.error", `timer ${run.label(step.id)}: ${when.ok ? "no time" : when.message}`);
      return;
    }
    run.schedule({ id: run.env.newId(), stepId: step.id, tokenId: token.id, dueAt: when.dueAt, purpose: { type: "wait" } });
    run.wait(token);
  },

  /** The token has already been taken out of the waiting tokens. */
  fire(token, _step, run) {
    run.leaveByAll(token);
  },
};

/** When a timer step that a token reaches now goes off. */
export function timerDue(step: TimerStep, run: Run): ResolvedDue {
  return step.timer.type === "duration" ? resolveDue({ type: "duration", duration: step.timer.duration }, run) : resolveMoment(step.timer.expression, run, "startOfDay", "timer");
}
