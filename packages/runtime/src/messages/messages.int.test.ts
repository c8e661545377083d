import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, instances, jobs, messageSubscriptions, startTriggers, tasks, testDatabaseTargets } from "@baton/db";
import type { Actor } from "../actor.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { raiseJobIncident } from "../jobs/job-failed.ts";
import { runDueJobs } from "../jobs/worker.ts";
import { migrateInstances } from "../migrate-instances.ts";
import { publishDefinition } from "../publish.ts";
import { startInstance } from "../start-instance.ts";
import { describeOnEachDatabase } from "../test-support/runtime-fixture.ts";
import { correlateMessage } from "./correlate-message.ts";
import { TIMER_START_JOB } from "./start-triggers.ts";
import { inboundLead, orderPayment } from "./test-processes.ts";
import { waitingMessages } from "./waiting-messages.ts";

const targets = await testDatabaseTargets();
const HOUR = 3_600_000;

describeOnEachDatabase("messages and start triggers", targets, (fx) => {
  let admin: Actor;
  let dana: Actor;
  const t0 = new Date("2026-03-02T08:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const run = (when: Date) => runDueJobs(fx.db, { handlers: jobHandlers(), now: () => when, onFailed: raiseJobIncident });
  const instance = async (id: string) => (await fx.db.select().from(instances).where(eq(instances.id, id)))[0]!;
  const subscriptionsOf = (id: string) => fx.db.select().from(messageSubscriptions).where(eq(messageSubscriptions.instanceId, id));

  beforeAll(async () => {
    admin = await fx.as("admin");
    dana = await fx.as("dana");
    await publishDefinition(fx.db, await fx.as("ana"), orderPayment);
  });

  it("delivers a message to the instance waiting with its key, once: the timer is called off and the payment mapped", async () => {
    const other = await startInstance(fx.db, dana, { processKey: "order-payment", data: { orderId: "A-2" } }, { now: t0 });
    const order = await startInstance(fx.db, dana, { processKey: "order-payment", data: { orderId: "A-1" } }, { now: t0 });
    expect(await subscriptionsOf(order.instanceId)).toEqual([expect.objectContaining({ stepId: "paid", messageName: "payment-received", correlationKey: "A-1" })]);
    expect(await waitingMessages(fx.db, admin, { name: "payment-received" })).toEqual(
      expect.arrayContaining([expect.objectContaining({ instanceId: order.instanceId, correlationKey: "A-1", processKey: "order-payment", stepId: "paid" })]),
    );

    const result = await correlateMessage(fx.db, admin, { name: "payment-received", key: "A-1", data: { amount: 99.5 } }, { now: at(HOUR) });
    expect(result).toMatchObject({ outcome: "delivered", instanceId: order.instanceId, status: "running" });
    const row = await instance(order.instanceId);
    expect(row.variables).toMatchObject({ orderId: "A-1", paidAmount: 99.5 });
    expect(await fx.db.select({ name: tasks.name }).from(tasks).where(eq(tasks.instanceId, order.instanceId))).toEqual([{ name: "Ship" }]);
    expect(await subscriptionsOf(order.instanceId)).toEqual([]);
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, order.instanceId), eq(jobs.status, "pending")))).toEqual([]);
    expect(await subscriptionsOf(other.instanceId)).toHaveLength(1);

    await expect(correlateMessage(fx.db, admin, { name: "payment-received", key: "A-1", data: {} })).rejects.toThrow(
      'No instance waits for message "payment-received" with key "A-1", and no published process starts on it.',
    );
  });

  it("lets the timer win when no payment comes: the subscription goes with it", async () => {
    const order = await startInstance(fx.db, dana, { processKey: "order-payment", data: { orderId: "B-1" } }, { now: t0 });
    await run(at(2 * HOUR));
    expect((await instance(order.instanceId)).status).toBe("completed");
    expect(await subscriptionsOf(order.instanceId)).toEqual([]);
    await expect(correlateMessage(fx.db, admin, { name: "payment-received", key: "B-1", data: {} })).rejects.toThrow(/No instance waits for message "payment-received" with key "B-1"/);
  });

  it("refuses senders who are neither admins nor message senders, and a message without a name", async () => {
    await expect(correlateMessage(fx.db, dana, { name: "payment-received", key: "A-2", data: {} })).rejects.toThrow(/Only admins and members of the group "message-senders" may send messages/);
    await expect(correlateMessage(fx.db, admin, { name: " ", key: "A-2", data: {} })).rejects.toThrow("The message needs a name.");
    await expect(waitingMessages(fx.db, dana)).rejects.toThrow(/Only admin users may see which messages instances wait for/);
  });

  it("starts a process on its message when no instance waits, and only while its latest version starts on it", async () => {
    await publishDefinition(fx.db, await fx.as("ana"), inboundLead());
    const result = await correlateMessage(fx.db, admin, { name: "lead-received", key: "", data: { contact: { name: "Grace" } } });
    expect(result.outcome).toBe("started");
    const [started] = result.outcome === "started" ? result.started : [];
    const row = await instance(started!.instanceId);
    expect(row).toMatchObject({ processKey: "inbound-lead", title: "lead-received", variables: { name: "Grace" } });
    const [audit] = await fx.db.select({ data: auditEvents.data }).from(auditEvents).where(and(eq(auditEvents.instanceId, row.id), eq(auditEvents.type, "instance.started")));
    expect(audit!.data).toMatchObject({ trigger: { type: "message", message: "lead-received" } });

    // Version 2 starts only by hand: the message no longer starts anything.
    await publishDefinition(fx.db, await fx.as("ana"), inboundLead(null));
    expect(await fx.db.select().from(startTriggers).where(eq(startTriggers.processKey, "inbound-lead"))).toEqual([]);
    await expect(correlateMessage(fx.db, admin, { name: "lead-received", key: "", data: {} })).rejects.toThrow(/no published process starts on it/);
  });

  it("starts a recurring process by its timer, exactly at each time, as often as its cycle says", async () => {
    const ana = await fx.as("ana");
    await publishDefinition(fx.db, ana, { ...inboundLead({ type: "timer", timer: { type: "cycle", cycle: "R2/PT1H" } }), key: "hourly-check", name: "Hourly check" });
    const [trigger] = await fx.db.select().from(startTriggers).where(eq(startTriggers.processKey, "hourly-check"));
    const pending = () => fx.db.select().from(jobs).where(and(eq(jobs.type, TIMER_START_JOB), eq(jobs.ref, trigger!.id), eq(jobs.status, "pending")));
    const [first] = await pending();
    const due = new Date(first!.dueAt);
    const started = () => fx.db.select({ startedBy: instances.startedBy, startedAt: instances.startedAt }).from(instances).where(eq(instances.processKey, "hourly-check"));

    await run(new Date(due.getTime() - 1));
    expect(await started()).toEqual([]);
    await run(due);
    expect(await started()).toEqual([{ startedBy: ana.userId, startedAt: expect.any(String) }]);
    const [second] = await pending();
    expect(Date.parse(second!.dueAt)).toBe(due.getTime() + HOUR);
    await run(new Date(due.getTime() + HOUR));
    expect(await started()).toHaveLength(2);
    expect(await pending()).toEqual([]);
  });

  it("replaces a timer start on publishing: the old schedule's job goes, the new one's comes", async () => {
    const ana = await fx.as("ana");
    const daily = { ...inboundLead({ type: "timer", timer: { type: "cycle", cycle: "R/P1D" } }), key: "daily-check", name: "Daily check" };
    await publishDefinition(fx.db, ana, daily);
    const [before] = await fx.db.select().from(startTriggers).where(eq(startTriggers.processKey, "daily-check"));
    await publishDefinition(fx.db, ana, { ...daily, steps: daily.steps.map((s) => (s.kind === "start" ? { ...s, trigger: { type: "timer", timer: { type: "cycle", cycle: "R/PT12H" } } } : s)) });
    const [after] = await fx.db.select().from(startTriggers).where(eq(startTriggers.processKey, "daily-check"));
    expect(after!.id).not.toBe(before!.id);
    expect(after!.timer).toEqual({ type: "cycle", cycle: "R/PT12H" });
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.type, TIMER_START_JOB), eq(jobs.ref, before!.id)))).toEqual([]);
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.type, TIMER_START_JOB), eq(jobs.ref, after!.id), eq(jobs.status, "pending")))).toHaveLength(1);
  });

  it("keeps a waiting message with its instance when an admin migrates it to a version whose message wait has another id", async () => {
    const migrated = { ...orderPayment, key: "order-migrated" };
    const ana = await fx.as("ana");
    await publishDefinition(fx.db, ana, migrated);
    const order = await startInstance(fx.db, dana, { processKey: "order-migrated", data: { orderId: "M-1" } }, { now: t0 });
    const renamed = (id: string) => (id === "paid" ? "paymentIn" : id);
    await publishDefinition(fx.db, ana, {
      ...migrated,
      steps: migrated.steps.map((s) => ({ ...s, id: renamed(s.id) })),
      connections: migrated.connections.map((c) => ({ ...c, source: renamed(c.source), target: renamed(c.target) })),
    });
    const report = await migrateInstances(fx.db, admin, { processKey: "order-migrated", fromVersion: 1, toVersion: 2, instanceIds: [order.instanceId], mapping: { paid: "paymentIn" } });
    expect(report.results).toEqual([expect.objectContaining({ instanceId: order.instanceId, outcome: "migrated" })]);
    expect(await subscriptionsOf(order.instanceId)).toEqual([expect.objectContaining({ stepId: "paymentIn", correlationKey: "M-1" })]);

    await correlateMessage(fx.db, admin, { name: "payment-received", key: "M-1", data: { amount: 5 } }, { now: at(HOUR) });
    expect((await instance(order.instanceId)).variables).toMatchObject({ paidAmount: 5 });
    expect(await subscriptionsOf(order.instanceId)).toEqual([]);
  });
});
