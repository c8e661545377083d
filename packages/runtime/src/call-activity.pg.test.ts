import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { instances, tasks, testDatabaseTargets } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import { completeTask } from "./complete-task.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { raiseJobIncident } from "./jobs/job-failed.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { withFreshPostgres } from "./test-support/runtime-fixture.ts";

/**
 * A called instance's last task completed at the moment the caller's
 * boundary timer goes off, on PostgreSQL only (PGlite has one connection):
 * completing ends the child and steps the caller, the timer steps the
 * caller and cancels the child. Both lock callers first
 * (lock-instance.ts), so they queue instead of deadlocking, and each pair
 * ends one way or the other, never both and never half.
 */
const postgres = (await testDatabaseTargets()).find((t) => t.name === "postgres")!;
const at = { x: 0, y: 0 };
const noForm = { schemaVersion: 1 as const, blocks: [] };

const child: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "race-child",
  name: "Race child",
  steps: [
    { id: "start", kind: "start", name: "Start", position: at, starters: [] },
    { id: "work", kind: "userTask", name: "Work", position: at, assignment: { type: "user", user: "sam" }, form: noForm },
    { id: "end", kind: "end", name: "End", position: at },
  ],
  connections: [
    { id: "c1", source: "start", target: "work" },
    { id: "c2", source: "work", target: "end" },
  ],
};
const parent: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "race-parent",
  name: "Race parent",
  steps: [
    { id: "start", kind: "start", name: "Start", position: at, starters: [] },
    { id: "call", kind: "callActivity", name: "Call", position: at, processKey: "race-child", inputs: [], outputs: [{ from: "true", to: "childDone" }] },
    { id: "late", kind: "boundaryEvent", name: "An hour passed", position: at, attachedTo: "call", trigger: { type: "timer", timer: { type: "duration", duration: "PT1H" } }, interrupting: true },
    { id: "byHand", kind: "userTask", name: "By hand", position: at, assignment: { type: "user", user: "dana" }, form: noForm },
    { id: "end", kind: "end", name: "End", position: at },
  ],
  connections: [
    { id: "c1", source: "start", target: "call" },
    { id: "c2", source: "call", target: "end" },
    { id: "c3", source: "late", target: "byHand" },
    { id: "c4", source: "byHand", target: "end" },
  ],
};

describe("a called instance completing while its caller's boundary timer fires, on PostgreSQL", () => {
  if (postgres.skipReason) {
    it.skip(`skipped: ${postgres.skipReason}`, () => {});
    return;
  }

  it("20 races end one way or the other, without a deadlock", { timeout: 180_000 }, async () => {
    await withFreshPostgres(12, async (fx) => {
      const ana = await fx.as("ana");
      await publishDefinition(fx.db, ana, child);
      await publishDefinition(fx.db, ana, parent);
      const [dana, sam] = [await fx.as("dana"), await fx.as("sam")];
      const t0 = new Date("2026-05-04T08:00:00.000Z");
      const late = new Date(t0.getTime() + 3_600_000);
      const started = [];
      for (let i = 0; i < 20; i += 1) started.push(await startInstance(fx.db, dana, { processKey: "race-parent", data: {} }, { now: t0 }));
      const childOf = async (id: string) => (await fx.db.select().from(instances).where(eq(instances.parentInstanceId, id)))[0]!;
      const work = [];
      for (const s of started) work.push((await fx.db.select().from(tasks).where(eq(tasks.instanceId, (await childOf(s.instanceId)).id)))[0]!);

      const worker = () => runDueJobs(fx.db, { handlers: jobHandlers(), now: () => late, onFailed: raiseJobIncident, batchSize: 50 });
      // The workers take the timers from the first instance on, the completions come from the last one back: they meet somewhere.
      const workers = [worker(), worker()];
      const completions = [...work].reverse().map((task) =>
        completeTask(fx.db, sam, { taskId: task.id, data: {} }, { now: late }).then(
          () => "completed",
          (error: Error) => (/already cancelled/.test(error.message) ? "too late" : Promise.reject(error)),
        ),
      );
      const outcomes = (await Promise.all([...completions, ...workers])).slice(0, 20).reverse();
      expect(new Set(outcomes)).toEqual(new Set(["completed", "too late"]));
      // Any timer a worker found locked and skipped is run now.
      await worker();

      for (const [i, s] of started.entries()) {
        const caller = (await fx.db.select().from(instances).where(eq(instances.id, s.instanceId)))[0]!;
        const called = await childOf(s.instanceId);
        const callerTasks = (await fx.db.select().from(tasks).where(eq(tasks.instanceId, s.instanceId)).orderBy(asc(tasks.createdAt))).map((t) => t.name);
        if (outcomes[i] === "completed") {
          expect([caller.status, called.status, callerTasks, caller.variables]).toEqual(["completed", "completed", [], { childDone: true }]);
        } else {
          expect([caller.status, called.status, callerTasks, caller.variables]).toEqual(["running", "cancelled", ["By hand"], {}]);
        }
      }
    });
  });
});
