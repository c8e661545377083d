import type { RuntimeFixture } from "../src/test-support/runtime-fixture.ts";
import { publishDefinition } from "../src/publish.ts";
import { dueTimerProcess, startMany, untilNoJobPending } from "../src/jobs/test-support/concurrency-processes.ts";
import { startWorkers } from "../src/jobs/test-support/worker-processes.ts";

/**
 * Timer jobs fired per second by `workers` worker *processes* (the
 * concurrency tests' worker-process.ts, each `startJobWorker` with the
 * server's handlers and its own pool) sharing one PostgreSQL: `count`
 * instances wait at a timer already due; the clock runs from the moment
 * the connected workers are told to go until no job is pending.
 */
export async function fireTimers(fx: RuntimeFixture, url: string, count: number, workers: number): Promise<{ seconds: number; ranByWorker: number[] }> {
  await publishDefinition(fx.db, await fx.as("ana"), dueTimerProcess);
  await startMany(fx.db, await fx.as("dana"), dueTimerProcess.key, count);
  const running = await startWorkers(url, workers, { WORKER_BATCH: "20", WORKER_POLL_MS: "20" });
  const goAt = performance.now();
  await untilNoJobPending(fx.db, 10);
  const seconds = (performance.now() - goAt) / 1000;
  const ranByWorker = await Promise.all(running.map((w) => w.stop()));
  return { seconds, ranByWorker };
}
