import { and, asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, instances, jobs, messageSubscriptions, notifications, taskDrafts, tasks, testDatabaseTargets, users } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "./actor.ts";
import { cancelInstanceAsAdmin } from "./admin-cancel-instance.ts";
import { completeTask } from "./complete-task.ts";
import type { UserError } from "./errors.ts";
import { instanceDetails } from "./instance-details.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { raiseJobIncident } from "./jobs/job-failed.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { correlateMessage } from "./messages/correlate-message.ts";
import { orderPayment } from "./messages/test-processes.ts";
import { listOpenIncidents } from "./open-incidents.ts";
import { listProcessInstances } from "./process-instances.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { inbox } from "./task-views.ts";
import { oneTaskProcess } from "./test-support/hand-out-processes.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UserError);

const at = (x: number) => ({ x, y: 0 });
const noForm = { schemaVersion: 1 as const, blocks: [] };

/** A request whose review is done in a called process: Sam reviews, then Dana decides. */
const review: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "cancel-review",
  name: "Review",
  steps: [
    { id: "start", kind: "start", name: "Start", position: at(0), starters: ["nobody-starts-this-by-hand"] },
    { id: "review", kind: "userTask", name: "Review it", position: at(100), assignment: { type: "user", user: "sam" }, form: noForm },
    { id: "end", kind: "end", name: "Reviewed", position: at(200) },
  ],
  connections: [
    { id: "c1", source: "start", target: "review" },
    { id: "c2", source: "review", target: "end" },
  ],
};
const callsReview = (key: string, calledKey: string): ProcessDefinitionInput => ({
  schemaVersion: 1,
  key,
  name: `Calls ${calledKey}`,
  steps: [
    { id: "start", kind: "start", name: "Start", position: at(0), starters: [] },
    { id: "call", kind: "callActivity", name: "Have it reviewed", position: at(100), processKey: calledKey, inputs: [], outputs: [] },
    { id: "decide", kind: "userTask", name: "Decide", position: at(200), assignment: { type: "user", user: "dana" }, form: noForm },
    { id: "end", kind: "end", name: "Done", position: at(300) },
  ],
  connections: [
    { id: "c1", source: "start", target: "call" },
    { id: "c2", source: "call", target: "decide" },
    { id: "c3", source: "decide", target: "end" },
  ],
});

const HOUR = 3_600_000;

describeOnEachDatabase("an admin cancels a running instance", targets, (fx) => {
  let admin: Actor;
  let sam: Actor;
  let dana: Actor;
  const t0 = new Date("2026-05-04T08:00:00.000Z");
  const time = (ms: number) => new Date(t0.getTime() + ms);
  const instance = async (id: string) => (await fx.db.select().from(instances).where(eq(instances.id, id)))[0]!;
  const tasksOf = async (id: string) => fx.db.select().from(tasks).where(eq(tasks.instanceId, id)).orderBy(asc(tasks.createdAt));
  const auditOf = async (id: string) => fx.db.select().from(auditEvents).where(eq(auditEvents.instanceId, id)).orderBy(asc(auditEvents.id));
  const childrenOf = async (id: string) => fx.db.select().from(instances).where(eq(instances.parentInstanceId, id));
  const cancel = (instanceId: string, reason = "The customer withdrew the request", by = admin) => cancelInstanceAsAdmin(fx.db, by, { instanceId, reason }, { now: time(HOUR / 2) });

  beforeAll(async () => {
    admin = await fx.as("admin");
    sam = await fx.as("sam");
    dana = await fx.as("dana");
    const ana = await fx.as("ana");
    await publishDefinition(fx.db, ana, oneTaskProcess("cancel-task", { type: "user", user: "sam" }));
    await publishDefinition(fx.db, ana, orderPayment);
    await publishDefinition(fx.db, ana, review);
    await publishDefinition(fx.db, ana, callsReview("cancel-caller", "cancel-review"));
    await publishDefinition(fx.db, ana, callsReview("cancel-stuck", "cancel-never-published"));
  });

  it("takes an open task out of the inbox, deletes its draft, and says who cancelled it and why", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "cancel-task", data: {} }, { now: t0 });
    const taskId = (await tasksOf(started.instanceId))[0]!.id;
    await saveTaskDraft(fx.db, sam, { taskId, data: { note: "half typed" }, expectedVersion: null }, time(1000));
    expect((await inbox(fx.db, sam)).assigned.map((t) => t.id)).toContain(taskId);

    const result = await cancel(started.instanceId, "  The customer withdrew the request  ");
    expect(result).toEqual({ instanceId: started.instanceId, cancelled: [started.instanceId] });
    const cancelled = await instance(started.instanceId);
    expect(cancelled.status).toBe("cancelled");
    expect(new Date(cancelled.endedAt!).toISOString()).toBe(time(HOUR / 2).toISOString());
    expect((await inbox(fx.db, sam)).assigned.map((t) => t.id)).not.toContain(taskId);
    expect((await tasksOf(started.instanceId)).map((t) => t.status)).toEqual(["cancelled"]);
    expect(await fx.db.select().from(taskDrafts).where(eq(taskDrafts.taskId, taskId))).toEqual([]);
    // The task cannot be completed any more.
    expect((await failure(completeTask(fx.db, sam, { taskId, data: {} })))?.code).toBeDefined();

    const audit = (await auditOf(started.instanceId)).slice(-2);
    expect(audit.map((e) => [e.type, e.actorId])).toEqual([
      ["task.cancelled", admin.userId],
      ["instance.cancelled", admin.userId],
    ]);
    expect(audit[1]!.data).toEqual({ reason: "The customer withdrew the request", cancelledBy: "admin" });
    // The starter and Sam, whose task went, are told; the admin who did it is not.
    const told = await fx.db
      .select({ username: users.username, kind: notifications.kind, subject: notifications.subject, message: notifications.message })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.instanceId, started.instanceId))
      .orderBy(users.username);
    const subject = `One task cancel-task #${started.number} was cancelled`;
    expect(told).toEqual([
      { username: "dana", kind: "cancelled", subject, message: "Ada Admin: The customer withdrew the request" },
      { username: "sam", kind: "cancelled", subject, message: "Ada Admin: The customer withdrew the request" },
    ]);
    // The starter reads it on the request.
    const details = await instanceDetails(fx.db, dana, started.instanceId);
    expect(details.status).toBe("cancelled");
    expect(details.audit.at(-1)).toMatchObject({ type: "instance.cancelled", actor: "admin", data: { reason: "The customer withdrew the request" } });
  });

  it("drops a pending timer, which never fires afterwards, and stops waiting for its message", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "order-payment", data: { orderId: "A-17" } }, { now: t0 });
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, started.instanceId), eq(jobs.status, "pending")))).toHaveLength(1);
    expect(await fx.db.select().from(messageSubscriptions).where(eq(messageSubscriptions.instanceId, started.instanceId))).toHaveLength(1);

    await cancel(started.instanceId);
    expect(await fx.db.select().from(jobs).where(eq(jobs.instanceId, started.instanceId))).toEqual([]);
    expect(await fx.db.select().from(messageSubscriptions).where(eq(messageSubscriptions.instanceId, started.instanceId))).toEqual([]);

    // Hours after the two-hour timer was due: the worker finds nothing of this instance to run.
    await runDueJobs(fx.db, { handlers: jobHandlers(), now: () => time(5 * HOUR), onFailed: raiseJobIncident });
    expect(await instance(started.instanceId)).toMatchObject({ status: "cancelled" });
    expect((await auditOf(started.instanceId)).at(-1)?.type).toBe("instance.cancelled");

    // The payment arrives after all: nobody waits for it any more.
    const late = await failure(correlateMessage(fx.db, admin, { name: "payment-received", key: "A-17", data: { amount: 10 } }, { now: time(6 * HOUR) }));
    expect(late?.code).toBe("NOT_FOUND");
    expect(late?.message).toMatch(/No instance waits for message "payment-received" with key "A-17"/);
    expect(await tasksOf(started.instanceId)).toEqual([]);
  });

  it("cancels the instances it called with their tasks, and refuses to cancel a called one alone, naming its caller", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "cancel-caller", data: {} }, { now: t0 });
    const [child] = await childrenOf(started.instanceId);
    const [reviewTask] = await tasksOf(child!.id);
    expect(reviewTask).toMatchObject({ status: "open", name: "Review it" });
    const listed = await listProcessInstances(fx.db, admin, { processKey: "cancel-review" });
    expect(listed.instances.find((i) => i.id === child!.id)?.calledBy).toEqual({ id: started.instanceId, number: started.number });

    const refused = await failure(cancel(child!.id));
    expect(refused?.code).toBe("CONFLICT");
    expect(refused?.message).toContain(`was started by "Calls cancel-review #${started.number}" (instance ${started.instanceId})`);
    expect(refused?.message).toMatch(/Cancel "Calls cancel-review #\d+" instead/);
    expect(await instance(child!.id)).toMatchObject({ status: "running" });

    const result = await cancel(started.instanceId);
    expect(result.cancelled).toEqual([started.instanceId, child!.id]);
    expect(await instance(child!.id)).toMatchObject({ status: "cancelled" });
    expect((await tasksOf(child!.id)).map((t) => t.status)).toEqual(["cancelled"]);
    // Sam's review task in the called instance went: he is told, with the starter.
    const told = await fx.db.select({ username: users.username }).from(notifications).innerJoin(users, eq(users.id, notifications.userId)).where(eq(notifications.instanceId, started.instanceId));
    expect(told.map((t) => t.username).sort()).toEqual(["dana", "sam"]);
    expect((await auditOf(child!.id)).at(-1)?.data).toEqual({
      reason: "its caller was cancelled (The customer withdrew the request)",
      callerInstanceId: started.instanceId,
      callerStepId: "call",
      cancelledBy: "admin",
    });
  });

  it("closes the open incidents of an instance stuck on one", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "cancel-stuck", data: {} }, { now: t0 });
    expect(await instance(started.instanceId)).toMatchObject({ status: "incident" });
    expect((await listOpenIncidents(fx.db, admin)).map((i) => i.instanceId)).toContain(started.instanceId);

    await cancel(started.instanceId, "Nobody will publish the review process");
    expect((await listOpenIncidents(fx.db, admin)).map((i) => i.instanceId)).not.toContain(started.instanceId);
    expect((await auditOf(started.instanceId)).at(-1)?.data).toMatchObject({
      reason: "Nobody will publish the review process",
      closedIncidents: [expect.objectContaining({ code: "call.failed", stepId: "call" })],
    });
  });

  it("refuses non-admins, unknown and ended instances, and a missing or overlong reason", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "cancel-task", data: {} }, { now: t0 });
    for (const who of [sam, dana, await fx.as("ana")]) {
      const refused = await failure(cancel(started.instanceId, "mine", who));
      expect(refused?.code).toBe("FORBIDDEN");
      expect(refused?.message).toMatch(/Only admin users may cancel instances/);
    }
    expect((await failure(cancel("00000000-0000-4000-8000-000000000000")))?.code).toBe("NOT_FOUND");
    expect((await failure(cancel("not-an-id")))?.code).toBe("NOT_FOUND");
    const empty = await failure(cancel(started.instanceId, "   "));
    expect(empty).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/Give a reason/) });
    expect((await failure(cancel(started.instanceId, "x".repeat(501))))?.message).toMatch(/501 characters long; keep it to 500/);
    expect(await instance(started.instanceId)).toMatchObject({ status: "running" });

    await cancel(started.instanceId, "x".repeat(500));
    const again = await failure(cancel(started.instanceId));
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/has already ended \(cancelled\)/) });

    const done = await startInstance(fx.db, dana, { processKey: "cancel-task", data: {} }, { now: t0 });
    await completeTask(fx.db, sam, { taskId: (await tasksOf(done.instanceId))[0]!.id, data: {} });
    expect(await failure(cancel(done.instanceId))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/has already ended \(completed\)/) });
    expect((await auditOf(done.instanceId)).map((e) => e.type)).not.toContain("instance.cancelled");
  });
});
