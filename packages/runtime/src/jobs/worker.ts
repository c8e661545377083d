import { and, asc, eq, lte, sql } from "drizzle-orm";
import { jobs, type Database } from "@baton/db";
import { PermanentJobError, type AnyJobHandler, type ExternalJobHandler, type JobRow } from "./job-handler.ts";

/**
 * The job worker: timers, escalations, service calls and e-mails are rows
 * in `jobs` with a due time. Lifecycle of one poll:
 *  1. up to `batchSize` times: open a transaction, take the oldest due
 *     pending job with FOR UPDATE SKIP LOCKED (another worker, in this
 *     process or another, skips it), run its handler in that transaction,
 *     mark it done, commit. Effect and "done" commit together: exactly once
 *     in the database. A call to another system (e-mail, HTTP) is made
 *     outside any transaction, under a lease (ExternalJobHandler): at
 *     least once, its result stored exactly once.
 *  2. a handler that throws rolls its transaction back; in a new one the
 *     attempt is counted and the job is due again after a backoff
 *     (`retryDelayMs`, doubling, or the error's `retryAfterMs` when that is
 *     longer, at most `maxRetryDelayMs`), until
 *     `maxAttempts` (the job's own `max_attempts` when it has one, e.g. a
 *     service call's retries + 1), when it is `failed` and stays for an
 *     admin to see (the `onFailed` hook raises it).
 *  3. when nothing was due, sleep `pollMs` and poll again.
 * A worker killed mid-job loses nothing: its transaction dies with its
 * connection, the row lock is released and another worker takes the job.
 * `stop()` finishes the job in hand and resolves when the loop has ended.
 */
export type WorkerOptions = {
  handlers: Readonly<Record<string, AnyJobHandler>>;
  batchSize?: number;
  pollMs?: number;
  maxAttempts?: number;
  retryDelayMs?: number;
  /** The longest pause between attempts (a service call may retry 20 times). */
  maxRetryDelayMs?: number;
  now?: () => Date;
  /** A job gave up (failed for good): make it visible. Runs in its own transaction; `job` is as it was taken; `cause` is what the last attempt threw. */
  onFailed?: (tx: Database, job: JobRow, error: string, now: Date, cause?: unknown) => Promise<void>;
  /** Something went wrong outside any job (the database was unreachable): log it. */
  onError?: (error: unknown) => void;
};

export type JobWorker = { stop(): Promise<void>; readonly running: boolean };

export const WORKER_DEFAULTS = { batchSize: 20, pollMs: 1000, maxAttempts: 5, retryDelayMs: 5000, maxRetryDelayMs: 3_600_000 } as const;

export function startJobWorker(db: Database, options: WorkerOptions): JobWorker {
  let stopping = false;
  let wake: (() => void) | undefined;
  const pollMs = options.pollMs ?? WORKER_DEFAULTS.pollMs;
  const loop = (async () => {
    while (!stopping) {
      let done = 0;
      try {
        done = await runDueJobs(db, { ...options, shouldStop: () => stopping });
      } catch (error) {
        options.onError?.(error);
      }
      if (stopping || done > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();
  return {
    get running() {
      return !stopping;
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}

/**
 * One poll: runs up to `batchSize` due jobs, each in its own transaction.
 * Answers how many it ran (done or retried), so a caller (a test, the
 * loop) knows whether there may be more.
 */
export async function runDueJobs(db: Database, options: WorkerOptions & { shouldStop?: () => boolean }): Promise<number> {
  const batchSize = options.batchSize ?? WORKER_DEFAULTS.batchSize;
  const now = options.now ?? (() => new Date());
  let ran = 0;
  while (ran < batchSize && !options.shouldStop?.()) {
    const outcome = await runOneJob(db, options, now());
    if (outcome === "none") break;
    ran += 1;
  }
  return ran;
}

async function runOneJob(db: Database, options: WorkerOptions, now: Date): Promise<"none" | "done" | "retry"> {
  let taken: JobRow | undefined;
  let leased: { handler: ExternalJobHandler; until: string } | undefined;
  try {
    const outcome = await db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.status, "pending"), lte(jobs.dueAt, now.toISOString())))
        .orderBy(asc(jobs.dueAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!job) return "none" as const;
      taken = job;
      const handler = options.handlers[job.type];
      if (!handler) throw new PermanentJobError(`no handler for jobs of type "${job.type}"`);
      if (typeof handler === "function") {
        await handler(tx, job, now);
      } else if (!handler.stillWanted || (await handler.stillWanted(tx, job))) {
        const until = new Date(now.getTime() + handler.leaseMs(job)).toISOString();
        await tx.update(jobs).set({ dueAt: until }).where(eq(jobs.id, job.id));
        leased = { handler, until };
        return "leased" as const;
      }
      await markDone(tx, job);
      return "done" as const;
    });
    if (outcome !== "leased") return outcome;
  } catch (error) {
    if (!taken) throw error;
    await recordFailure(db, options, taken, error, now);
    return "retry";
  }
  return runLeasedJob(db, options, taken!, leased!, now);
}

/** Parts 2 and 3 of an external job (see ExternalJobHandler): the call, then its result with "done", if the lease is still ours. */
async function runLeasedJob(db: Database, options: WorkerOptions, job: JobRow, lease: { handler: ExternalJobHandler; until: string }, now: Date): Promise<"done" | "retry"> {
  try {
    const result = await lease.handler.perform(job, now);
    await db.transaction(async (tx) => {
      if (!(await markDone(tx, job, lease.until))) return;
      await lease.handler.apply?.(tx, job, result, now);
    });
    return "done";
  } catch (error) {
    await recordFailure(db, options, job, error, now, lease.until);
    return "retry";
  }
}

/** Marks a taken job done; with `leasedUntil`, only while its lease is still the one this worker set. Answers whether it did. */
async function markDone(tx: Database, job: JobRow, leasedUntil?: string): Promise<boolean> {
  const mine = leasedUntil ? and(eq(jobs.id, job.id), eq(jobs.status, "pending"), eq(jobs.dueAt, leasedUntil)) : eq(jobs.id, job.id);
  const done = await tx.update(jobs).set({ status: "done", attempts: job.attempts + 1, lastError: null }).where(mine).returning({ id: jobs.id });
  return done.length > 0;
}

/** `leasedUntil`: the job was leased (an external call); its failure counts only while the lease is still this worker's. */
async function recordFailure(db: Database, options: WorkerOptions, job: JobRow, error: unknown, now: Date, leasedUntil?: string): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const attempts = job.attempts + 1;
  const maxAttempts = job.maxAttempts ?? options.maxAttempts ?? WORKER_DEFAULTS.maxAttempts;
  const gaveUp = error instanceof PermanentJobError || attempts >= maxAttempts;
  // The backoff, or longer when the other side asked for it (a service's Retry-After), never past the longest pause.
  const asked = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  const delay = Math.min(
    Math.max((options.retryDelayMs ?? WORKER_DEFAULTS.retryDelayMs) * 2 ** (attempts - 1), typeof asked === "number" ? asked : 0),
    options.maxRetryDelayMs ?? WORKER_DEFAULTS.maxRetryDelayMs,
  );
  await db.transaction(async (tx) => {
    // Only if no one else finished it meanwhile (the lock was released with the rollback).
    const [still] = await tx
      .update(jobs)
      .set({
        attempts,
        lastError: message.slice(0, 2000),
        status: gaveUp ? "failed" : "pending",
        dueAt: gaveUp ? job.dueAt : new Date(now.getTime() + delay).toISOString(),
      })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, "pending"), eq(jobs.attempts, job.attempts), ...(leasedUntil ? [eq(jobs.dueAt, leasedUntil)] : [])))
      .returning({ id: jobs.id });
    if (still && gaveUp) await options.onFailed?.(tx, job, message, now, error);
  });
}

/** Jobs waiting by type, for tests and the admin's view. */
export async function pendingJobCount(db: Database, type?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(type ? and(eq(jobs.status, "pending"), eq(jobs.type, type)) : eq(jobs.status, "pending"));
  return row?.n ?? 0;
}
