import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, instances, jobs, notifications, tasks, testDatabaseTargets, users } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "../actor.ts";
import { completeTask } from "../complete-task.ts";
import { publishDefinition } from "../publish.ts";
import { startInstance } from "../start-instance.ts";
import { claimTask } from "../task-access.ts";
import { describeOnEachDatabase } from "../test-support/runtime-fixture.ts";
import { jobHandlers } from "./handlers.ts";
import { raiseJobIncident } from "./job-failed.ts";
import { runDueJobs } from "./worker.ts";

const targets = await testDatabaseTargets();

/**
 * Support request, cut down to its deadline: the request waits an hour
 * (the customer may add details), the responsible person's task is due a
 * day later; a reminder at the due date, an alert to the dispatcher a day
 * after, the task handed to the service desk a day after that. The shipping
 * department is told when the request is closed.
 */
const deadline: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "deadline",
  name: "Deadline",
  steps: [
    { id: "start", kind: "start", name: "Request", position: { x: 0, y: 0 }, starters: [], form: { schemaVersion: 1, blocks: [{ id: "f-s", type: "text", key: "subject", label: "Subject", required: true }] } },
    { id: "grace", kind: "timer", name: "Grace hour", position: { x: 100, y: 0 }, timer: { type: "duration", duration: "PT1H" } },
    {
      id: "resolve",
      kind: "userTask",
      name: "Resolve",
      position: { x: 200, y: 0 },
      assignment: { type: "user", user: "sam" },
      due: { type: "duration", duration: "P1D" },
      escalations: [
        { after: "PT0S", action: "remind", message: "{{subject}} is due." },
        { after: "P1D", action: "notify", to: { type: "user", user: "admin" }, message: "{{subject}} is a day late." },
        { after: "P2D", action: "reassign", to: { type: "group", group: "service-desk" } },
      ],
      form: { schemaVersion: 1, blocks: [] },
    },
    { id: "tell", kind: "notify", name: "Tell shipping", position: { x: 300, y: 0 }, recipients: { type: "group", group: "shipping" }, subject: "{{subject}} closed", message: "Nothing to ship." },
    { id: "done", kind: "end", name: "Done", position: { x: 400, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "grace" },
    { id: "c2", source: "grace", target: "resolve" },
    { id: "c3", source: "resolve", target: "tell" },
    { id: "c4", source: "tell", target: "done" },
  ],
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeOnEachDatabase("timers and escalations run by the job worker", targets, (fx) => {
  let dana: Actor;
  let sam: Actor;
  const t0 = new Date("2026-03-02T08:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const run = (ms: number) => runDueJobs(fx.db, { handlers: jobHandlers(), now: () => at(ms), onFailed: raiseJobIncident });
  const openTask = async (instanceId: string) => (await fx.db.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, "open"))))[0];
  const inbox = async (username: string) =>
    fx.db.select({ kind: notifications.kind, subject: notifications.subject, message: notifications.message }).from(notifications).innerJoin(users, eq(users.id, notifications.userId)).where(eq(users.username, username)).orderBy(notifications.createdAt);

  beforeAll(async () => {
    await publishDefinition(fx.db, await fx.as("ana"), deadline);
    dana = await fx.as("dana");
    sam = await fx.as("sam");
  });

  it("fires a wait exactly when due, escalates the late task level by level, and alerts a group at a notify step", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "deadline", data: { subject: "Printer" } }, { now: t0 });
    expect(await openTask(started.instanceId)).toBeUndefined();

    expect(await run(HOUR - 1)).toBe(0);
    expect(await run(HOUR)).toBe(1);
    const task = (await openTask(started.instanceId))!;
    expect(task.name).toBe("Resolve");
    expect(Date.parse(task.dueAt!)).toBe(at(HOUR + DAY).getTime());
    expect(await run(HOUR + 1)).toBe(0); // the escalation levels wait for the due date

    expect(await run(HOUR + DAY)).toBe(1);
    expect(await inbox("sam")).toEqual([{ kind: "reminder", subject: 'Reminder: "Resolve" is due', message: "Printer is due." }]);
    expect((await openTask(started.instanceId))!.escalationLevel).toBe(1);

    expect(await run(HOUR + 3 * DAY)).toBe(2);
    expect(await inbox("admin")).toEqual([{ kind: "escalation", subject: '"Resolve" is overdue', message: "Printer is a day late." }]);
    const moved = (await openTask(started.instanceId))!;
    expect(moved.assigneeId).toBeNull();
    expect(moved.escalationLevel).toBe(3);
    expect(await inbox("dana")).toEqual([expect.objectContaining({ kind: "escalation", subject: '"Resolve" is overdue and now yours' })]);
    const audit = await fx.db.select({ type: auditEvents.type, data: auditEvents.data }).from(auditEvents).where(eq(auditEvents.instanceId, started.instanceId));
    expect(audit.filter((e) => e.type === "task.escalated").map((e) => (e.data as { level: number }).level)).toEqual([1, 2, 3]);
    expect(audit.some((e) => e.type === "task.reassigned")).toBe(true);

    // Dana claims the handed-over task and completes it: shipping is told.
    await claimTask(fx.db, dana, moved.id);
    await completeTask(fx.db, dana, { taskId: moved.id, data: {} }, { now: at(HOUR + 3 * DAY + HOUR) });
    expect(await inbox("shay")).toEqual([{ kind: "alert", subject: "Printer closed", message: "Nothing to ship." }]);
    const [instance] = await fx.db.select({ status: instances.status }).from(instances).where(eq(instances.id, started.instanceId));
    expect(instance!.status).toBe("completed");
    const left = await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, started.instanceId), eq(jobs.status, "pending")));
    expect(left).toEqual([]);
  });

  it("drops the escalation levels not yet due when the task is completed in time", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "deadline", data: { subject: "Scanner" } }, { now: t0 });
    await run(HOUR);
    const task = (await openTask(started.instanceId))!;
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, started.instanceId), eq(jobs.status, "pending")))).toHaveLength(3);
    await completeTask(fx.db, sam, { taskId: task.id, data: {} }, { now: at(2 * HOUR) });
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, started.instanceId), eq(jobs.status, "pending")))).toEqual([]);
  });

  it("retries a failing job with backoff, then gives up with an incident on the instance", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "deadline", data: { subject: "Fax" } }, { now: t0 });
    const failing = { timer: async () => Promise.reject(new Error("the engine is unwell")) };
    const tryAt = (ms: number) => runDueJobs(fx.db, { handlers: failing, now: () => at(ms), maxAttempts: 2, retryDelayMs: 60_000, onFailed: raiseJobIncident });
    expect(await tryAt(HOUR)).toBe(1);
    const [job] = await fx.db.select().from(jobs).where(eq(jobs.instanceId, started.instanceId));
    expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: "the engine is unwell" });
    expect(await tryAt(HOUR + 59_999)).toBe(0);
    expect(await tryAt(HOUR + 60_000)).toBe(1);
    const [failed] = await fx.db.select().from(jobs).where(eq(jobs.instanceId, started.instanceId));
    expect(failed).toMatchObject({ status: "failed", attempts: 2 });
    const [instance] = await fx.db.select({ status: instances.status, state: instances.state }).from(instances).where(eq(instances.id, started.instanceId));
    expect(instance!.status).toBe("incident");
    expect((instance!.state as { incidents: { code: string; message: string }[] }).incidents).toEqual([
      expect.objectContaining({ code: "job.failed", message: expect.stringContaining("the engine is unwell") }),
    ]);
  });

  it("records an e-mail that could not be sent on the instance without stopping it", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "deadline", data: { subject: "Toner" } }, { now: t0 });
    const [job] = await fx.db.insert(jobs).values({ instanceId: started.instanceId, type: "email", payload: { to: { address: "nobody@example.com" } }, status: "pending" }).returning();
    await fx.db.transaction((tx) => raiseJobIncident(tx, job!, "550 No such mailbox", t0));
    const [instance] = await fx.db.select({ status: instances.status }).from(instances).where(eq(instances.id, started.instanceId));
    expect(instance!.status).toBe("running");
    const audit = await fx.db.select({ type: auditEvents.type, data: auditEvents.data }).from(auditEvents).where(eq(auditEvents.instanceId, started.instanceId));
    expect(audit.find((e) => e.type === "email.failed")?.data).toEqual({ jobId: job!.id, error: "550 No such mailbox" });
  });
});
