import type { Database } from "@baton/db";
import { jobHandlers, raiseJobIncident, startJobWorker, type JobWorker } from "@baton/runtime";
import type { Env } from "./env.ts";

/**
 * The server's job worker: timers, escalations, e-mails, service calls.
 * Every `baton serve` runs one (unless `--no-worker`); any number of
 * processes may share one PostgreSQL, each taking different jobs.
 * `secrets`: for service calls (`serviceSecrets` in env.ts).
 */
export function startServerWorker(db: Database, env: Env, secrets: Record<string, string>, log: { error: (obj: object, msg: string) => void }): JobWorker {
  return startJobWorker(db, {
    handlers: jobHandlers({ mail: env.mail, secrets }),
    batchSize: env.workerBatch,
    pollMs: env.workerPollMs,
    onFailed: raiseJobIncident,
    onError: (error) => log.error({ err: error }, "job worker: polling failed; trying again"),
  });
}
