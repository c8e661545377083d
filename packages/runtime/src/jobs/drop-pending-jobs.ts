import { and, eq, inArray, type SQL } from "drizzle-orm";
import { jobs, type Database } from "@baton/db";

/**
 * Deletes pending jobs that are no longer wanted (a timer whose task was
 * completed, the jobs of a cancelled instance), except one a worker holds
 * right now: the worker locks its job before the instance, a step locks
 * the instance before deleting, so waiting here for the job would be a
 * deadlock. The worker's job then finds the instance no longer waiting for
 * it (fire-timer.ts, call-service.ts: the state decides) and is done.
 */
export async function dropPendingJobs(tx: Database, where: SQL | undefined): Promise<void> {
  const free = tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, "pending"), where))
    .for("update", { skipLocked: true });
  await tx.delete(jobs).where(inArray(jobs.id, free));
}
