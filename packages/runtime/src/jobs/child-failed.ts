import { eq } from "drizzle-orm";
import { instances, type Database } from "@baton/db";
import type { BusinessError, InstanceState } from "@baton/engine";
import { lockInstance } from "../lock-instance.ts";
import type { MailSettings } from "../mail-settings.ts";
import { stepInstance } from "../step-instance.ts";
import { PermanentJobError, type JobHandler } from "./job-handler.ts";

/**
 * A `child-failed` job: the called instance `payload.childInstanceId`
 * stopped on a business error nothing in it caught; its caller
 * (`instanceId`, whose token `ref` waits at the call activity) gets
 * `childFailed`, and a boundary error event there may catch it (which
 * cancels the called instance). It is a job, not part of the called
 * instance's step, because catching cancels the called instance, whose
 * state that step has not stored yet. Callers first, then the called
 * instance, as every lock (lock-instance.ts); a called instance no longer
 * stuck (an admin retried it meanwhile) is left alone.
 */
export const CHILD_FAILED_JOB = "child-failed";
export type ChildFailedPayload = { childInstanceId: string; error: BusinessError };

export const childFailedJob = (mail?: MailSettings | null): JobHandler => async (tx: Database, job, now) => {
  const payload = job.payload as ChildFailedPayload;
  if (!job.instanceId || !job.ref || !payload?.childInstanceId || !payload.error) throw new PermanentJobError(`child-failed job ${job.id} names no caller, token, called instance or error`);
  const tokenId = job.ref;
  await lockInstance(tx, job.instanceId);
  const [child] = await tx.select({ status: instances.status, state: instances.state }).from(instances).where(eq(instances.id, payload.childInstanceId)).for("update");
  const stillStuck = child?.status === "incident" && (child.state as InstanceState).incidents.some((i) => i.code === "error.uncaught" && i.error?.code === payload.error.code);
  if (!stillStuck) return;
  await stepInstance(tx, job.instanceId, { type: "childFailed", tokenId, error: payload.error }, {
    now,
    actorId: null,
    mail,
    accept: (state) => state.tokens.some((t) => t.id === tokenId) && !state.incidents.some((i) => i.tokenId === tokenId),
  });
};
