import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { instances, jobs, tasks, testDatabaseTargets } from "@baton/db";
import { cancelInstanceAsAdmin } from "./admin-cancel-instance.ts";
import { fireTimerJob } from "./jobs/fire-timer.ts";
import type { JobHandler } from "./jobs/job-handler.ts";
import { raiseJobIncident } from "./jobs/job-failed.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { orderPayment } from "./messages/test-processes.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { withFreshPostgres } from "./test-support/runtime-fixture.ts";

/**
 * An admin cancels an instance while a worker holds its due timer, on
 * PostgreSQL only (PGlite has one connection): the worker locked the job
 * before the instance, so cancelling must not wait for the job
 * (drop-pending-jobs.ts skips it) or the two would deadlock. The cancel
 * goes through at once; the worker's timer then finds the instance
 * cancelled and fires nothing.
 */
const postgres = (await testDatabaseTargets()).find((t) => t.name === "postgres")!;

describe("an admin cancels an instance whose timer a worker holds, on PostgreSQL", () => {
  if (postgres.skipReason) {
    it.skip(`skipped: ${postgres.skipReason}`, () => {});
    return;
  }

  it("cancels without waiting for the worker, whose timer then fires nothing", { timeout: 120_000 }, async () => {
    await withFreshPostgres(4, async (fx) => {
      await publishDefinition(fx.db, await fx.as("ana"), orderPayment);
      const admin = await fx.as("admin");
      const t0 = new Date("2026-05-04T08:00:00.000Z");
      const started = await startInstance(fx.db, await fx.as("dana"), { processKey: "order-payment", data: { orderId: "A-99" } }, { now: t0 });

      // The worker takes the two-hour timer and is held inside its job, its row locked.
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const fire = fireTimerJob();
      const heldTimer: JobHandler = async (tx, job, now) => {
        held();
        await released;
        await fire(tx, job, now);
      };
      const worker = runDueJobs(fx.db, { handlers: { timer: heldTimer }, now: () => new Date(t0.getTime() + 3 * 3_600_000), onFailed: raiseJobIncident });
      await holding;

      // Would hang (and time out) if cancelling waited for the worker's job lock.
      const result = await cancelInstanceAsAdmin(fx.db, admin, { instanceId: started.instanceId, reason: "Order withdrawn" });
      expect(result.cancelled).toEqual([started.instanceId]);
      expect((await fx.db.select().from(jobs).where(eq(jobs.instanceId, started.instanceId))).map((j) => j.status)).toEqual(["pending"]);

      release();
      expect(await worker).toBe(1);
      const [after] = await fx.db.select().from(instances).where(eq(instances.id, started.instanceId));
      expect(after).toMatchObject({ status: "cancelled" });
      expect(await fx.db.select().from(tasks).where(eq(tasks.instanceId, started.instanceId))).toEqual([]);
      expect((await fx.db.select().from(jobs).where(eq(jobs.instanceId, started.instanceId))).map((j) => j.status)).toEqual(["done"]);
    });
  });
});
