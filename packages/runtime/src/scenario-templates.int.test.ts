import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, instances, notifications, tasks, testDatabaseTargets, users } from "@baton/db";
import type { Actor } from "./actor.ts";
import { completeTask } from "./complete-task.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask } from "./task-access.ts";
import { describeOnEachDatabase, type RuntimeFixture } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

/** The one open task of an instance, claimed by `actor` when it sits in a group queue. */
async function openTask(fx: RuntimeFixture, instanceId: string, actor?: Actor) {
  const [task] = await fx.db.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, "open")));
  if (!task) throw new Error("no open task");
  if (actor && !task.assigneeId) await claimTask(fx.db, actor, task.id);
  return task;
}

async function alertsOf(fx: RuntimeFixture, instanceId: string) {
  return fx.db
    .select({ user: users.username, kind: notifications.kind, subject: notifications.subject })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.instanceId, instanceId))
    .orderBy(notifications.createdAt, users.username);
}

async function statusOf(fx: RuntimeFixture, instanceId: string) {
  const [row] = await fx.db.select({ status: instances.status, variables: instances.variables }).from(instances).where(eq(instances.id, instanceId));
  return row!;
}

describeOnEachDatabase("scenario 2: support request", targets, (fx) => {
  const t0 = new Date("2026-05-04T08:00:00.000Z");
  const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

  it("dispatches, escalates a late resolution back to the dispatcher, loops on a returned visa and closes", async () => {
    const dana = await fx.as("dana");
    const started = await startInstance(
      fx.db,
      dana,
      { processKey: "support-request", data: { client: "ACME", channel: "phone", subject: "Printer jams", description: "Every morning", urgency: "critical" } },
      { now: t0 },
    );
    expect((await statusOf(fx, started.instanceId)).variables).toMatchObject({ approvalOnLastStage: true });

    const dispatch = await openTask(fx, started.instanceId, dana);
    await completeTask(fx.db, dana, { taskId: dispatch.id, data: { responsible: "sam", helper: "sara" } }, { now: at(1) });
    expect(await alertsOf(fx, started.instanceId)).toEqual([{ user: "sara", kind: "alert", subject: "You are helping with: Printer jams" }]);

    // Critical: due 4 hours after it reached Sam; then a reminder, a day later back to the dispatcher.
    const resolve = await openTask(fx, started.instanceId);
    expect(Date.parse(resolve.dueAt!)).toBe(at(5).getTime());
    const tick = (hours: number) => runDueJobs(fx.db, { handlers: jobHandlers(), now: () => at(hours) });
    await tick(5);
    expect((await alertsOf(fx, started.instanceId)).at(-1)).toEqual({ user: "sam", kind: "reminder", subject: 'Reminder: "Resolve the request" is due' });
    await tick(29);
    const moved = await openTask(fx, started.instanceId);
    const [danaRow] = await fx.db.select({ id: users.id }).from(users).where(eq(users.username, "dana"));
    expect(moved.assigneeId).toBe(danaRow!.id);

    // The dispatcher resolves it herself; the visa is hers too, and she returns it once.
    await completeTask(fx.db, dana, { taskId: moved.id, data: { resolution: "Cleaned the rollers" } }, { now: at(30) });
    const visa = await openTask(fx, started.instanceId);
    expect(visa.name).toBe("Approve the resolution");
    await completeTask(fx.db, dana, { taskId: visa.id, data: { decision: "reject", comment: "Replace the rollers instead" } }, { now: at(31) });
    const again = await openTask(fx, started.instanceId);
    expect(again.name).toBe("Resolve the request");
    await completeTask(fx.db, await fx.as("sam"), { taskId: again.id, data: { resolution: "Replaced the rollers" } }, { now: at(32) });
    const visa2 = await openTask(fx, started.instanceId);
    await completeTask(fx.db, dana, { taskId: visa2.id, data: { decision: "approve", comment: "" } }, { now: at(33) });

    const end = await statusOf(fx, started.instanceId);
    expect(end.status).toBe("completed");
    expect(end.variables).toMatchObject({ dispatcher: "dana", responsible: "sam", resolution: "Replaced the rollers", visa: { outcome: "approved" } });
    expect((await alertsOf(fx, started.instanceId)).at(-1)).toEqual({ user: "sam", kind: "alert", subject: "ACME's request is closed" });
    const audit = await fx.db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.instanceId, started.instanceId));
    expect(audit.filter((a) => a.type === "task.escalated")).toHaveLength(2);
  });
});

describeOnEachDatabase("scenario 3: citizen appeal", targets, (fx) => {
  const appeal = { citizenName: "Maria Lopez", contact: "maria@example.org", receivedOn: "2026-05-04", channel: "letter", appealText: "The street light is broken.", official: "sam" };

  it.each<[string, Record<string, unknown>, string, Record<string, unknown>, string]>([
    ["has a personal file: the appeal is attached to it", { fileExists: true, fileNumber: "PF-01234" }, "Attach the appeal to the personal file", { attachedOn: "2026-05-05" }, "PF-01234"],
    ["has none: a personal file is created", { fileExists: false }, "Create a personal file", { birthDate: "1980-02-03", address: "1 Main Street", fileNumber: "PF-04321" }, "PF-04321"],
  ])("%s, then the official answers and the appeal is closed", async (_title, lookup, branchTask, branchData, fileNumber) => {
    const dana = await fx.as("dana");
    const started = await startInstance(fx.db, dana, { processKey: "citizen-appeal", data: appeal });
    const find = await openTask(fx, started.instanceId, dana);
    await completeTask(fx.db, dana, { taskId: find.id, data: lookup });
    const branch = await openTask(fx, started.instanceId, dana);
    expect(branch.name).toBe(branchTask);
    await completeTask(fx.db, dana, { taskId: branch.id, data: branchData });

    const answer = await openTask(fx, started.instanceId);
    expect(answer.name).toBe("Prepare the answer");
    await completeTask(fx.db, await fx.as("sam"), { taskId: answer.id, data: { answer: "The light will be repaired this week." } });
    const send = await openTask(fx, started.instanceId, dana);
    await completeTask(fx.db, dana, { taskId: send.id, data: { sentOn: "2026-05-06", sentBy: "email" } });

    const end = await statusOf(fx, started.instanceId);
    expect(end.status).toBe("completed");
    expect(end.variables).toMatchObject({ citizenName: "Maria Lopez", official: "sam", fileNumber });
    expect(await alertsOf(fx, started.instanceId)).toEqual([{ user: "sam", kind: "alert", subject: "Your answer to Maria Lopez was sent" }]);
  });
});
