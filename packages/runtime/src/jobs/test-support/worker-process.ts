/**
 * A job worker in a process of its own, as `baton serve --worker-only` runs
 * one, for the tests and the bench that need several real processes on one
 * PostgreSQL. Run with tsx; `spawnWorker` (worker-processes.ts) drives it.
 *
 * Lifecycle: connect to DATABASE_URL and print `{"ready":true}`; wait for a
 * line `go` on stdin, so several workers start together; run
 * `startJobWorker` with the server's handlers; on SIGTERM stop gracefully
 * (the job in hand finishes), print `{"stopped":true,"ran":N}` and exit 0.
 *
 * Settings (environment): WORKER_BATCH, WORKER_POLL_MS; WORKER_REPORT_TAKES=1
 * prints `{"took":"<job id>","n":k}` as each job's handler starts;
 * WORKER_HANG_AT=k makes the k-th job hang after its effect, holding its
 * transaction and row locks until the process dies (the SIGKILL test).
 */
import { openDatabase } from "@baton/db";
import type { JobHandler } from "../job-handler.ts";
import { jobHandlers } from "../handlers.ts";
import { raiseJobIncident } from "../job-failed.ts";
import { startJobWorker } from "../worker.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("worker-process: DATABASE_URL is required");
const hangAt = Number(process.env.WORKER_HANG_AT ?? 0);
const reportTakes = process.env.WORKER_REPORT_TAKES === "1";
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

const handle = await openDatabase({ url, dataDir: "", poolSize: 2 });
let taken = 0;
let ran = 0;
const counted = (handler: JobHandler): JobHandler => async (tx, job, now) => {
  const n = ++taken;
  if (reportTakes) say({ took: job.id, n });
  await handler(tx, job, now);
  if (n === hangAt) await new Promise(() => {}); // holds the transaction until SIGKILL
  ran += 1;
};
// The timer jobs these tests run hold their transaction; external ones (HTTP, e-mail) are left as they are.
const handlers = Object.fromEntries(Object.entries(jobHandlers()).map(([type, handler]) => [type, typeof handler === "function" ? counted(handler) : handler]));

say({ ready: true });
await new Promise<void>((resolve) => {
  process.stdin.setEncoding("utf8");
  let input = "";
  process.stdin.on("data", (chunk) => {
    input += chunk;
    if (input.includes("go\n")) resolve();
  });
});

const worker = startJobWorker(handle.db, {
  handlers,
  batchSize: Number(process.env.WORKER_BATCH ?? 20),
  pollMs: Number(process.env.WORKER_POLL_MS ?? 50),
  onFailed: raiseJobIncident,
  onError: (error) => process.stderr.write(`worker-process: polling failed: ${(error as Error).message}\n`),
});
process.once("SIGTERM", () => {
  void (async () => {
    await worker.stop();
    await handle.close();
    say({ stopped: true, ran });
    process.exit(0);
  })();
});
