import { eq } from "drizzle-orm";
import { startTriggers, users, type Database } from "@baton/db";
import { nextTimerStart } from "@baton/engine";
import type { StartTrigger } from "@baton/model";
import type { MailSettings } from "../mail-settings.ts";
import { scheduleTimerStart, startTriggered, type TimerStartPayload } from "../messages/start-triggers.ts";
import { loadPackage } from "../package-cache.ts";
import { startRefusal } from "../version-lifecycle.ts";
import { PermanentJobError, type JobHandler } from "./job-handler.ts";

type TimerTrigger = Extract<StartTrigger, { type: "timer" }>["timer"];

/**
 * A `timerStart` job (its `ref` is the start trigger): in the job's
 * transaction, an instance of the trigger's version starts (started by
 * whoever published it) and the next time is scheduled as a new job, so
 * each time starts exactly one instance however many workers run. A
 * trigger that is gone (a newer version was published) does nothing; an
 * archived process or a deprecated latest version skips this time but
 * keeps its schedule.
 */
export const timerStartJob = (mail?: MailSettings | null): JobHandler => async (tx: Database, job, now) => {
  if (!job.ref) throw new PermanentJobError(`timer start job ${job.id} names no trigger`);
  const [trigger] = await tx.select().from(startTriggers).where(eq(startTriggers.id, job.ref));
  if (!trigger || trigger.type !== "timer" || !trigger.timer) return;
  const timer = trigger.timer as TimerTrigger;
  const pkg = await loadPackage(tx, trigger.packageVersionId);
  const fired = (job.payload as Partial<TimerStartPayload>).fired ?? 0;
  const at = now.toISOString();
  const refusal = await startRefusal(tx, pkg.processKey, pkg.version, pkg.definition.name);
  if (!refusal) {
    const [starter] = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, trigger.activatedBy));
    if (!starter) throw new PermanentJobError(`timer start of "${pkg.processKey}": the user who published it is gone`);
    await startTriggered(tx, { packageVersionId: pkg.id, data: {}, starter: { userId: starter.id, username: starter.username }, title: `${pkg.definition.name}, ${at.slice(0, 16).replace("T", " ")}`, trigger: { type: "timer", timer }, now: at, mail });
  }
  const next = nextTimerStart(timer, at, pkg.definition.timeZone, { dueAt: job.dueAt, fired });
  if (next) await scheduleTimerStart(tx, trigger.id, next);
};
