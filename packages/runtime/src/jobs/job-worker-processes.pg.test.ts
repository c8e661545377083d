import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, jobs, tasks, testDatabaseTargets, type Database } from "@baton/db";
import { completeTask } from "../complete-task.ts";
import { publishDefinition } from "../publish.ts";
import { startInstance } from "../start-instance.ts";
import { withFreshPostgres } from "../test-support/runtime-fixture.ts";
import { dueTimerProcess, parallelJoinProcess, startMany, untilNoJobPending } from "./test-support/concurrency-processes.ts";
import { killStrayWorkers, spawnWorker, startWorkers } from "./test-support/worker-processes.ts";
import { pendingJobCount } from "./worker.ts";

/**
 * Exactly once under real concurrency, on PostgreSQL only (PGlite has one
 * connection, so nothing there ever runs at the same time): worker
 * *processes* (worker-process.ts, spawned with tsx) sharing one database,
 * completers on separate connections, a worker killed with SIGKILL. Each
 * test gets a database of its own, so test files running in parallel never
 * meet. No assertion is about time.
 */
const postgres = (await testDatabaseTargets()).find((t) => t.name === "postgres")!;

/** A fresh, seeded PostgreSQL database with a pool of 20 (16 concurrent completers and some), dropped afterwards. */
const withFreshDatabase = (body: Parameters<typeof withFreshPostgres>[1]) => withFreshPostgres(20, body, killStrayWorkers);

/** How many "After …" tasks each instance has: exactly once means one each. */
async function afterTasksPerInstance(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .select({ instanceId: tasks.instanceId, n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(eq(tasks.stepId, "after"))
    .groupBy(tasks.instanceId);
  return new Map(rows.map((r) => [r.instanceId, r.n]));
}

async function jobOutcomes(db: Database) {
  return db
    .select({ status: jobs.status, attempts: jobs.attempts, n: sql<number>`count(*)::int` })
    .from(jobs)
    .groupBy(jobs.status, jobs.attempts);
}

/** Whether another connection could take the job's row now (55P03: someone holds its lock). */
async function rowLocked(db: Database, jobId: string): Promise<boolean> {
  try {
    await db.transaction((tx) => tx.execute(sql`select id from jobs where id = ${jobId} for update nowait`));
    return false;
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === "55P03") return true;
    throw error;
  }
}

describe("job worker processes and concurrent completers on PostgreSQL", () => {
  if (postgres.skipReason) {
    it.skip(`skipped: ${postgres.skipReason}`, () => {});
    return;
  }

  it("fires 2,000 due timers exactly once with two worker processes", { timeout: 600_000 }, async () => {
    await withFreshDatabase(async (fx) => {
      await publishDefinition(fx.db, await fx.as("ana"), dueTimerProcess);
      const instanceIds = await startMany(fx.db, await fx.as("dana"), dueTimerProcess.key, 2000);
      expect(await pendingJobCount(fx.db, "timer")).toBe(2000);

      const workers = await startWorkers(fx.url, 2, { WORKER_BATCH: "20" });
      await untilNoJobPending(fx.db);
      const ran = await Promise.all(workers.map((w) => w.stop()));

      expect(ran.reduce((a, b) => a + b, 0)).toBe(2000);
      expect(ran.every((n) => n > 0)).toBe(true); // both processes took a share
      expect(await jobOutcomes(fx.db)).toEqual([{ status: "done", attempts: 1, n: 2000 }]);
      const after = await afterTasksPerInstance(fx.db);
      expect(after.size).toBe(2000);
      expect(instanceIds.every((id) => after.get(id) === 1)).toBe(true);
      const [created] = await fx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(and(eq(auditEvents.type, "task.created"), sql`${auditEvents.data}->>'stepId' = 'after'`));
      expect(created!.n).toBe(2000);
    });
  });

  it("passes a parallel join exactly once when its 16 branches are completed at the same time", { timeout: 300_000 }, async () => {
    await withFreshDatabase(async (fx) => {
      const process16 = parallelJoinProcess(16);
      await publishDefinition(fx.db, await fx.as("ana"), process16);
      const sam = await fx.as("sam");
      for (let round = 0; round < 5; round++) {
        const started = await startInstance(fx.db, await fx.as("dana"), { processKey: process16.key, data: {} });
        const branches = await fx.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.instanceId, started.instanceId), eq(tasks.status, "open")));
        expect(branches).toHaveLength(16);

        // 16 completers at once, each on its own connection of the pool of 20.
        const results = await Promise.all(branches.map((b) => completeTask(fx.db, sam, { taskId: b.id, data: {} })));

        const joined = results.flatMap((r) => r.next.filter((t) => t.name === "After the join"));
        expect(joined).toHaveLength(1);
        expect((await afterTasksPerInstance(fx.db)).get(started.instanceId)).toBe(1);
        const open = await fx.db.select({ stepId: tasks.stepId }).from(tasks).where(and(eq(tasks.instanceId, started.instanceId), eq(tasks.status, "open")));
        expect(open).toEqual([{ stepId: "after" }]);
      }
    });
  });

  it("loses no job and runs none twice when a worker process is killed with SIGKILL mid-batch", { timeout: 300_000 }, async () => {
    await withFreshDatabase(async (fx) => {
      await publishDefinition(fx.db, await fx.as("ana"), dueTimerProcess);
      const instanceIds = await startMany(fx.db, await fx.as("dana"), dueTimerProcess.key, 30);

      // The first worker takes a batch of 10; its 4th job hangs after its effect, in its transaction.
      const doomed = spawnWorker(fx.url, { WORKER_BATCH: "10", WORKER_REPORT_TAKES: "1", WORKER_HANG_AT: "4" });
      await doomed.waitFor((m) => m.ready === true);
      doomed.go();
      const hung = await doomed.waitFor((m) => m.n === 4);
      const hungJob = hung.took!;
      expect(await rowLocked(fx.db, hungJob)).toBe(true);
      expect(await jobOutcomes(fx.db)).toEqual(
        expect.arrayContaining([
          { status: "done", attempts: 1, n: 3 },
          { status: "pending", attempts: 0, n: 27 },
        ]),
      );

      await doomed.kill();
      // Its connection is gone, and its lock with it (the server notices the closed socket).
      while (await rowLocked(fx.db, hungJob)) await new Promise((r) => setTimeout(r, 50));
      const [left] = await fx.db.select().from(jobs).where(eq(jobs.id, hungJob));
      expect(left).toMatchObject({ status: "pending", attempts: 0 });
      expect((await afterTasksPerInstance(fx.db)).get(left!.instanceId!)).toBeUndefined(); // its effect rolled back

      const [rescuer] = await startWorkers(fx.url, 1);
      await untilNoJobPending(fx.db);
      expect(await rescuer!.stop()).toBe(27);

      expect(await jobOutcomes(fx.db)).toEqual([{ status: "done", attempts: 1, n: 30 }]);
      const after = await afterTasksPerInstance(fx.db);
      expect(instanceIds.map((id) => after.get(id))).toEqual(instanceIds.map(() => 1));
    });
  });
});
