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
 * A job that talks to another system (HTTP, SMTP): the call must not hold
 * a transaction, a row lock or, on embedded PGlite, the one connection
 * every request needs. The worker runs it in three parts:
 *  1. in a short transaction with the job's row lock: `stillWanted` (absent:
 *     yes; no: the job is simply done), then the job is leased — its due
 *     time moves to now + `leaseMs`, so no worker takes it meanwhile;
 *  2. `perform`, outside any transaction (throws as a JobHandler does);
 *  3. in a new transaction, only if the lease is still this worker's (the
 *     due time is still the one it set): the job is marked done and
 *     `apply` stores the result, together.
 * A worker that dies during the call leaves the job due at its lease's
 * end, when another worker takes it again: the call happens at least
 * once, the result is stored exactly once. A worker that outlived its
 * lease finds it taken and stores nothing.
 */
export type ExternalJobHandler<Result = unknown> = {
  kind: "external";
  stillWanted?: (tx: Database, job: JobRow) => Promise<boolean>;
  perform: (job: JobRow, now: Date) => Promise<Result>;
  apply?: (tx: Database, job: JobRow, result: Result, now: Date) => Promise<void>;
  /** The longest the call can take (its own timeouts) plus a margin. */
  leaseMs: (job: JobRow) => number;
};

export type AnyJobHandler = JobHandler | ExternalJobHandler;

/** Types an external handler's result between `perform` and `apply`, and lets it sit among the worker's handlers. */
export function externalJob<Result>(handler: Omit<ExternalJobHandler<Result>, "kind">): ExternalJobHandler {
  return { kind: "external", ...handler } as ExternalJobHandler;
}

/**
 * A failure that will not get better by trying again (the job's instance
 * is gone, the payload is malformed): the job fails at once, without retries.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}
