import type { Database, jobs } from "@baton/db";

/** A job as stored: what to do (`type`, `payload`), when (`dueAt`), and how it went so far. */
export type JobRow = typeof jobs.$inferSelect;

/**
 * Does one job inside the transaction that holds the job's row lock: what
 * it changes in the database commits together with the job being marked
 * done, so its effect happens exactly once. A throw rolls all of it back;
 * the worker then records the attempt and tries again later.
 */
export type JobHandler = (tx: Database, job: JobRow, now: Date) => Promise<void>;

/**
 * A failure that will not get better by trying again (the job's instance
 * is gone, the payload is malformed): the job fails at once, without retries.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}
