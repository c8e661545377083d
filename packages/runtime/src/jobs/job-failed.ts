import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { auditEvents, instances, type Database } from "@baton/db";
import type { Incident, InstanceState } from "@baton/engine";
import { serviceCallGaveUp } from "./call-service.ts";
import type { JobRow } from "./job-handler.ts";
import { SERVICE_CALL_JOB } from "./service-call-job.ts";
import { EMAIL_JOB } from "../notifications.ts";

/**
 * A job gave up (its last attempt failed, or it can never work): the
 * instance it belongs to gets an open incident saying which job and why,
 * so an admin sees it with the instance. Runs in the transaction that
 * marks the job failed. A service call that gave up is the engine's to
 * say (a `service.failed` incident on its token, which a retry calls again);
 * an e-mail that could not be sent is audited, not an incident: the
 * notification reached the portal, and the process is fine.
 */
export async function raiseJobIncident(tx: Database, job: JobRow, error: string, now = new Date(), cause?: unknown): Promise<void> {
  if (job.type === SERVICE_CALL_JOB) return serviceCallGaveUp(tx, job, error, now, cause);
  if (!job.instanceId) return;
  if (job.type === EMAIL_JOB) {
    // The in-app notification arrived; a mailbox that refuses it does not stop the process.
    await tx.insert(auditEvents).values({ instanceId: job.instanceId, type: "email.failed", data: { jobId: job.id, error }, at: now.toISOString() });
    return;
  }
  const [instance] = await tx.select({ state: instances.state }).from(instances).where(eq(instances.id, job.instanceId)).for("update");
  if (!instance) return;
  const state = instance.state as InstanceState;
  const stepId = typeof (job.payload as { stepId?: unknown }).stepId === "string" ? (job.payload as { stepId: string }).stepId : "";
  const incident: Incident = {
    id: randomUUID(),
    stepId,
    code: "job.failed",
    message: `The ${job.type} job ${job.id} failed after ${job.attempts + 1} attempt${job.attempts === 0 ? "" : "s"}: ${error}`,
    at: now.toISOString(),
  };
  const next: InstanceState = { ...state, status: state.status === "completed" ? state.status : "incident", incidents: [...state.incidents, incident] };
  await tx.update(instances).set({ state: next, status: next.status }).where(eq(instances.id, job.instanceId));
  await tx.insert(auditEvents).values({ instanceId: job.instanceId, type: "incident.raised", data: incident, at: incident.at });
}
