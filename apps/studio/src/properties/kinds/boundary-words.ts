import type { BoundaryEventStep } from "@baton/model";
import { describeDuration } from "../describe-step.ts";

/** A boundary event in a few words: when it goes off and what happens to its step. */
export function describeBoundary(step: BoundaryEventStep): string {
  const { trigger } = step;
  let when: string;
  if (trigger.type === "error") {
    when = trigger.errorCode?.trim() ? `on the error "${trigger.errorCode.trim()}"` : "on any error";
  } else if (trigger.timer.type === "duration") {
    when = `after ${describeDuration(trigger.timer.duration) ?? trigger.timer.duration}`;
  } else if (trigger.timer.type === "date") {
    when = `at ${trigger.timer.expression}`;
  } else {
    when = `repeatedly, ${trigger.timer.cycle}`;
  }
  return `${when}; ${step.interrupting ? "stops the step" : "the step goes on"}`;
}
