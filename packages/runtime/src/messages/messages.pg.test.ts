import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { and } from "drizzle-orm";
import { auditEvents, instances, jobs, messageSubscriptions, tasks, testDatabaseTargets } from "@baton/db";
import { jobHandlers } from "../jobs/handlers.ts";
import { runDueJobs } from "../jobs/worker.ts";
import { publishDefinition } from "../publish.ts";
import { startInstance } from "../start-instance.ts";
import { withFreshPostgres } from "../test-support/runtime-fixture.ts";
import { correlateMessage } from "./correlate-message.ts";
import { TIMER_START_JOB } from "./start-triggers.ts";
import { inboundLead, orderPayment } from "./test-processes.ts";

/**
 * Two outside systems send the same payment message at the same moment, on
 * PostgreSQL (PGlite has one connection): each pair is delivered once — one
 * correlation moves the instance on, the other finds nobody waiting — never
 * twice, never lost.
 */
const postgres = (await testDatabaseTargets()).find((t) => t.name === "postgres")!;

describe("two concurrent correlations of one message, on PostgreSQL", () => {
  if (postgres.skipReason) {
    it.skip(`skipped: ${postgres.skipReason}`, () => {});
    return;
  }
  it("deliver it once", async () => {
    await withFreshPostgres(8, async (fx) => {
      await publishDefinition(fx.db, await fx.as("ana"), orderPayment);
      const dana = await fx.as("dana");
      const admin = await fx.as("admin");
      const orders = [];
      for (let i = 0; i < 10; i++) orders.push(await startInstance(fx.db, dana, { processKey: "order-payment", data: { orderId: `P-${i}` } }));

      const outcomes = await Promise.all(
        orders.map((_, i) =>
          Promise.allSettled([0, 1].map((sender) => correlateMessage(fx.db, admin, { name: "payment-received", key: `P-${i}`, data: { amount: sender } }))),
        ),
      );
      for (const [i, pair] of outcomes.entries()) {
        const delivered = pair.filter((p) => p.status === "fulfilled");
        const refused = pair.filter((p): p is PromiseRejectedResult => p.status === "rejected");
        expect(delivered, `order P-${i}`).toHaveLength(1);
        expect(refused.map((r) => String(r.reason.message))).toEqual([`No instance waits for message "payment-received" with key "P-${i}", and no published process starts on it.`]);
        const instanceId = orders[i]!.instanceId;
        expect(await fx.db.select({ name: tasks.name }).from(tasks).where(eq(tasks.instanceId, instanceId))).toEqual([{ name: "Ship" }]);
        const changes = await fx.db.select().from(auditEvents).where(eq(auditEvents.instanceId, instanceId));
        expect(changes.filter((e) => e.type === "variables.changed" && (e.data as { stepId: string }).stepId === "paid")).toHaveLength(1);
      }
      expect(await fx.db.select().from(messageSubscriptions)).toEqual([]);
    });
  });

  it("start a recurring process once per time, however many workers run", async () => {
    await withFreshPostgres(8, async (fx) => {
      await publishDefinition(fx.db, await fx.as("ana"), { ...inboundLead({ type: "timer", timer: { type: "cycle", cycle: "R/PT1H" } }), key: "hourly-check", name: "Hourly check" });
      const pendingDue = async () => (await fx.db.select().from(jobs).where(and(eq(jobs.type, TIMER_START_JOB), eq(jobs.status, "pending"))))[0]!.dueAt;
      for (let time = 1; time <= 3; time++) {
        const due = new Date(await pendingDue());
        // Four workers at the same moment, as four server processes would be.
        await Promise.all([0, 1, 2, 3].map(() => runDueJobs(fx.db, { handlers: jobHandlers(), now: () => due })));
        expect(await fx.db.select({ id: instances.id }).from(instances).where(eq(instances.processKey, "hourly-check"))).toHaveLength(time);
      }
    });
  });
});
