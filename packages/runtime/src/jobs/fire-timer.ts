import type { InstanceState } from "@baton/engine";
import type { MailSettings } from "../mail-settings.ts";
import { stepInstance } from "../step-instance.ts";
import { PermanentJobError, type JobHandler } from "./job-handler.ts";

/**
 * A `timer` job: the engine timer `ref` of instance `instanceId` is due.
 * The instance is stepped with `timerFired` in the job's transaction, so
 * the timer fires exactly once. A timer the state no longer holds (its
 * task was completed in the same moment, the instance ended) is simply
 * done: cancelling deletes the job in the same transaction as the
 * completion, so this only happens when the two raced, and the state decides.
 */
export const fireTimerJob = (mail?: MailSettings | null): JobHandler => async (tx, job, now) => {
  if (!job.instanceId || !job.ref) throw new PermanentJobError(`timer job ${job.id} names no instance or timer`);
  const timerId = job.ref;
  await stepInstance(tx, job.instanceId, { type: "timerFired", timerId }, {
    now,
    actorId: null,
    accept: (state: InstanceState) => (state.timers ?? []).some((t) => t.id === timerId),
    mail,
  });
};
