import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, instances, notifications, tasks, testDatabaseTargets, users } from "@baton/db";
import type { Actor } from "./actor.ts";
import { uploadAttachment } from "./attachments.ts";
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

describeOnEachDatabase("scenario 4: credit application above the limit", targets, (fx) => {
  const application = {
    applicantName: "Ada Lovelace",
    email: "ada@example.com",
    product: "mortgage",
    amount: 250_000,
    termMonths: 240,
    category: "standard",
    purpose: "A house by the sea",
  };

  it("checks in parallel, lets the credit committee's majority decide, cancels the vote no longer needed, tells the officer and prepares the contract", async () => {
    const sam = await fx.as("sam");
    const started = await startInstance(fx.db, sam, { processKey: "credit-application", data: application });
    const open = () => fx.db.select().from(tasks).where(and(eq(tasks.instanceId, started.instanceId), eq(tasks.status, "open")));
    const checks = await open();
    expect(checks.map((t) => t.name).sort()).toEqual(["Scoring review", "Security check"]);
    const dana = await fx.as("dana");
    const ana = await fx.as("ana");
    const security = checks.find((t) => t.name === "Security check")!;
    const scoring = checks.find((t) => t.name === "Scoring review")!;
    await claimTask(fx.db, dana, security.id);
    await completeTask(fx.db, dana, { taskId: security.id, data: { identityVerified: true, securityOutcome: "clear", securityNotes: "ID checked" } });
    await claimTask(fx.db, ana, scoring.id);
    await completeTask(fx.db, ana, { taskId: scoring.id, data: { score: 720, riskClass: "low", interestRate: 3.9 } });

    // The committee: admin, dana and sara, each asked in person; a majority of two decides.
    const votes = await open();
    expect(votes.map((t) => t.name)).toEqual(["Committee vote", "Committee vote", "Committee vote"]);
    const byUser = async (username: string) => {
      const [user] = await fx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
      return votes.find((t) => t.assigneeId === user!.id)!;
    };
    await completeTask(fx.db, dana, { taskId: (await byUser("dana")).id, data: { decision: "approve", comment: "Stable income" } });
    await completeTask(fx.db, await fx.as("sara"), { taskId: (await byUser("sara")).id, data: { decision: "approve", comment: "" } });
    const [adminVote] = await fx.db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, (await byUser("admin")).id));
    expect(adminVote!.status).toBe("cancelled");
    expect((await alertsOf(fx, started.instanceId)).filter((a) => a.kind === "alert")).toEqual([
      { user: "sam", kind: "alert", subject: "Approved: Ada Lovelace's credit application" },
    ]);

    const contract = (await open())[0]!;
    expect(contract.name).toBe("Prepare contract");
    await claimTask(fx.db, dana, contract.id);
    const scan = await uploadAttachment(fx.db, dana, { target: { taskId: contract.id }, field: "signedContract", name: "contract.pdf", contentType: "application/pdf", content: new TextEncoder().encode("%PDF signed") });
    await completeTask(fx.db, dana, { taskId: contract.id, data: { contractNumber: "CR-000042", signedAt: "2026-05-08T10:00:00.000Z", signedContract: [scan] } });
    const end = await statusOf(fx, started.instanceId);
    expect(end.status).toBe("completed");
    expect(end.variables).toMatchObject({ committeeVote: { outcome: "approved", approvals: 2, rejections: 0 }, contractNumber: "CR-000042" });
  });
});
