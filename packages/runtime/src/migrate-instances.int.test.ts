import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditEvents, instances, jobs, messageSubscriptions, packageVersions, tasks, testDatabaseTargets, type Database } from "@baton/db";
import { completeTask } from "./complete-task.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { raiseJobIncident } from "./jobs/job-failed.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { correlateMessage } from "./messages/correlate-message.ts";
import { orderPayment } from "./messages/test-processes.ts";
import type { UserError } from "./errors.ts";
import { checkMigration, migrateInstances } from "./migrate-instances.ts";
import { proposeMigration } from "./migration-plan.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { saveTaskDraft, draftOf } from "./task-drafts.ts";
import { startHttpService, type HttpService } from "./test-support/http-service.ts";
import { deskMapping, deskV1, deskV2, deskWithoutApproval } from "./test-support/migration-processes.ts";
import { describeOnEachDatabase, snapshotInstance, type RuntimeFixture } from "./test-support/runtime-fixture.ts";

/** Moving running instances between versions: proposal, dry run, migration, refusals. */
const targets = await testDatabaseTargets();
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UserError);
let crm: HttpService;
let PING = "";
beforeAll(async () => {
  crm = await startHttpService({ status: 200, body: { ok: true } });
  PING = `${crm.url}/ping`;
});
afterAll(async () => crm.close());

/** Every row a migration could touch, for "nothing changed" comparisons. */
async function everything(db: Database, ids: string[]) {
  const out = [];
  for (const id of ids) out.push({ ...(await snapshotInstance(db, id)), jobs: await db.select().from(jobs).where(eq(jobs.instanceId, id)).orderBy(jobs.id) });
  return out;
}

async function openTasks(db: Database, instanceId: string) {
  return db.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, "open"))).orderBy(tasks.stepId);
}

/** v1 published, one instance at each kind of waiting step, then v2. */
async function deskWithInstances(fx: RuntimeFixture, key: string) {
  const admin = await fx.as("admin");
  await publishDefinition(fx.db, admin, deskV1(key, PING));
  const at: Record<string, string> = {};
  for (const route of ["task", "approval", "timer", "call", "parallel"]) at[route] = (await startInstance(fx.db, admin, { processKey: key, data: { route } })).instanceId;
  return { admin, at };
}

describeOnEachDatabase("migrating running instances", targets, (fx) => {
  it("proposes the mapping and lists the running instances with their steps", async () => {
    const { admin, at } = await deskWithInstances(fx, "mig-propose");
    await publishDefinition(fx.db, admin, deskV2("mig-propose", PING));
    const proposal = await proposeMigration(fx.db, admin, { processKey: "mig-propose", fromVersion: 1, toVersion: 2 });
    expect(proposal.mapping).toMatchObject({ start: "start", visa: "visa", left: "left", triage: null, cool: null, ping: null });
    const triage = proposal.choices.find((c) => c.stepId === "triage");
    expect(triage).toMatchObject({ kind: "userTask", activeInstances: 1, options: expect.arrayContaining([{ id: "assess", name: "Assess" }, { id: "check", name: "Quality check" }]) });
    expect(proposal.instances.map((i) => i.id)).toEqual(Object.values(at));
    expect(proposal.instances.find((i) => i.id === at.parallel)?.activeSteps.map((s) => s.name).sort()).toEqual(["Left", "Right"]);
    // Admins only; versions must exist and differ.
    expect((await failure(proposeMigration(fx.db, await fx.as("ana"), { processKey: "mig-propose", fromVersion: 1, toVersion: 2 })))?.code).toBe("FORBIDDEN");
    expect((await failure(proposeMigration(fx.db, admin, { processKey: "mig-propose", fromVersion: 1, toVersion: 7 })))?.message).toMatch(/Version 7 of process "mig-propose" was not found/);
    expect((await failure(proposeMigration(fx.db, admin, { processKey: "mig-propose", fromVersion: 2, toVersion: 2 })))?.code).toBe("INVALID_INPUT");
  });

  it("checks in a dry run without changing a thing, then migrates each kind of active step", async () => {
    const { admin, at } = await deskWithInstances(fx, "mig-all");
    const dana = await fx.as("dana");
    const sam = await fx.as("sam");
    // A vote already cast, and a draft typed into the task.
    const votes = await openTasks(fx.db, at.approval!);
    expect(votes).toHaveLength(2);
    await completeTask(fx.db, dana, { taskId: votes.find((t) => t.assigneeId === dana.userId)!.id, data: { decision: "approve", comment: "fine" } });
    const [triageTask] = await openTasks(fx.db, at.task!);
    await saveTaskDraft(fx.db, sam, { taskId: triageTask!.id, data: { note: "half typed" }, expectedVersion: null });
    await publishDefinition(fx.db, admin, deskV2("mig-all", PING));
    const request = { processKey: "mig-all", fromVersion: 1, toVersion: 2, all: true, mapping: deskMapping };

    const ids = Object.values(at);
    const before = await everything(fx.db, ids);
    const dry = await checkMigration(fx.db, admin, request);
    expect(await everything(fx.db, ids)).toEqual(before);
    expect(dry.dryRun).toBe(true);
    expect(dry.results.map((r) => r.outcome)).toEqual(["checked", "checked", "checked", "checked", "checked"]);
    const taskResult = dry.results.find((r) => r.instanceId === at.task)!;
    expect(taskResult).toMatchObject({ moves: [{ from: "triage", to: "assess" }], draftsKept: 1, warnings: [expect.stringContaining(`"Quality check" (check) in the new version reads "priority"`)] });

    // Without the choices, the renamed steps cannot move; the others can.
    const unchosen = await checkMigration(fx.db, admin, { ...request, mapping: {} });
    expect(unchosen.results.filter((r) => r.outcome === "refused").map((r) => r.instanceId).sort()).toEqual([at.task, at.timer, at.call].sort());
    expect(unchosen.results.find((r) => r.instanceId === at.timer)?.reasons).toEqual([expect.stringContaining(`"Cool down" (cool) has no step to go to in the new version`)]);

    const progress: number[] = [];
    const done = await migrateInstances(fx.db, admin, request, { onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(done.results.map((r) => r.outcome)).toEqual(["migrated", "migrated", "migrated", "migrated", "migrated"]);
    const [v2] = await fx.db.select().from(packageVersions).where(and(eq(packageVersions.processKey, "mig-all"), eq(packageVersions.version, 2)));
    for (const id of ids) {
      const [row] = await fx.db.select().from(instances).where(eq(instances.id, id));
      expect(row!.packageVersionId).toBe(v2!.id);
      const audit = await fx.db.select().from(auditEvents).where(and(eq(auditEvents.instanceId, id), eq(auditEvents.type, "instance.migrated")));
      expect(audit).toEqual([expect.objectContaining({ actorId: admin.userId, data: expect.objectContaining({ from: 1, to: 2 }) })]);
    }

    // The task: B's step and name, the same row and draft; completing it leads to the new stage.
    const [assess] = await openTasks(fx.db, at.task!);
    expect(assess).toMatchObject({ id: triageTask!.id, stepId: "assess", name: "Assess" });
    expect((await draftOf(fx.db, assess!.id))?.data).toEqual({ note: "half typed" });
    const next = await completeTask(fx.db, sam, { taskId: assess!.id, data: { note: "done" } });
    expect((await openTasks(fx.db, at.task!)).map((t) => t.stepId)).toEqual(["check"]);
    expect(next).toBeTruthy();

    // The approval keeps dana's vote; sara's completes it on v2.
    const [saraVote] = await openTasks(fx.db, at.approval!);
    await completeTask(fx.db, await fx.as("sara"), { taskId: saraVote!.id, data: { decision: "approve", comment: "" } });
    const [approved] = await fx.db.select().from(instances).where(eq(instances.id, at.approval!));
    expect(approved!.status).toBe("completed");
    expect((approved!.variables as { approval: { approvals: number } }).approval.approvals).toBe(2);

    // The timer's and the call's pending jobs follow their renamed steps.
    const [timerJob] = await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, at.timer!), eq(jobs.type, "timer")));
    expect(timerJob!.payload).toMatchObject({ stepId: "coolDown" });
    expect(timerJob!.dueAt).toEqual(before.find((b) => b.instance!.id === at.timer)!.jobs[0]!.dueAt);
    const [callJob] = await fx.db.select().from(jobs).where(eq(jobs.instanceId, at.call!));
    expect(callJob).toMatchObject({ status: "pending", payload: expect.objectContaining({ stepId: "pingCrm" }) });
    // The CRM answers the call sent for v1's step; the instance, now on v2, takes the answer and ends.
    await runDueJobs(fx.db, { handlers: jobHandlers(), onFailed: raiseJobIncident });
    expect((await fx.db.select().from(instances).where(eq(instances.id, at.call!)))[0]!.status).toBe("completed");

    // Both branches continue; a second migration finds nothing left on v1.
    expect((await openTasks(fx.db, at.parallel!)).map((t) => t.stepId)).toEqual(["left", "right"]);
    const again = await migrateInstances(fx.db, admin, { ...request, all: false, instanceIds: [at.parallel!] });
    expect(again.results[0]).toMatchObject({ outcome: "refused", reasons: [expect.stringContaining("already runs on version 2")] });
  });

  it("refuses instances whose work has nowhere to go, with reasons, and leaves them as they were", async () => {
    const { admin, at } = await deskWithInstances(fx, "mig-refuse");
    await publishDefinition(fx.db, admin, deskWithoutApproval("mig-refuse", PING));
    const before = await everything(fx.db, [at.approval!]);
    const report = await migrateInstances(fx.db, admin, { processKey: "mig-refuse", fromVersion: 1, toVersion: 2, instanceIds: [at.approval!, at.task!] });
    expect(report.results).toEqual([
      expect.objectContaining({ instanceId: at.approval, outcome: "refused", reasons: [expect.stringContaining(`"Visa" (visa) has no step to go to`)] }),
      expect.objectContaining({ instanceId: at.task, outcome: "migrated" }),
    ]);
    expect(await everything(fx.db, [at.approval!])).toEqual(before);
    // Bad requests are refused as a whole, saying what is wrong.
    const bad = await failure(migrateInstances(fx.db, admin, { processKey: "mig-refuse", fromVersion: 1, toVersion: 2, all: true, mapping: { visa: "triage" } }));
    expect(bad).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining(`"visa" (an approval) cannot become "triage" (a task)`) });
    expect((await failure(migrateInstances(fx.db, admin, { processKey: "mig-refuse", fromVersion: 1, toVersion: 2 })))?.message).toMatch(/Choose at least one instance/);
    expect((await failure(migrateInstances(fx.db, admin, { processKey: "mig-refuse", fromVersion: 1, toVersion: 2, instanceIds: ["nope"] })))?.message).toMatch(/not instance ids: "nope"/);
    expect((await failure(checkMigration(fx.db, await fx.as("dana"), { processKey: "mig-refuse", fromVersion: 1, toVersion: 2, all: true })))?.code).toBe("FORBIDDEN");
  });
});

describeOnEachDatabase("migrating instances that wait for a message", targets, (fx) => {
  it("re-points the message subscription and the gateway's timer, and the message then reaches the migrated instance", async () => {
    const admin = await fx.as("admin");
    const rename: Record<string, string> = { paid: "paymentIn", late: "tooLate" };
    const v2 = {
      ...orderPayment,
      steps: orderPayment.steps.map((s) => ({ ...s, id: rename[s.id] ?? s.id })),
      connections: orderPayment.connections.map((c) => ({ ...c, source: rename[c.source] ?? c.source, target: rename[c.target] ?? c.target })),
    };
    await publishDefinition(fx.db, admin, orderPayment);
    const { instanceId } = await startInstance(fx.db, admin, { processKey: "order-payment", data: { orderId: "O-77" } });
    await publishDefinition(fx.db, admin, v2);
    const report = await migrateInstances(fx.db, admin, { processKey: "order-payment", fromVersion: 1, toVersion: 2, instanceIds: [instanceId], mapping: rename });
    expect(report.results[0]).toMatchObject({ outcome: "migrated" });
    expect((await fx.db.select().from(messageSubscriptions).where(eq(messageSubscriptions.instanceId, instanceId))).map((r) => r.stepId)).toEqual(["paymentIn"]);
    expect((await fx.db.select().from(jobs).where(eq(jobs.instanceId, instanceId))).map((j) => (j.payload as { stepId: string }).stepId)).toEqual(["tooLate"]);

    const delivered = await correlateMessage(fx.db, admin, { name: "payment-received", key: "O-77", data: { amount: 120 } });
    expect(delivered).toMatchObject({ outcome: "delivered", instanceId });
    expect((await openTasks(fx.db, instanceId)).map((t) => t.stepId)).toEqual(["ship"]);
    expect(await fx.db.select().from(messageSubscriptions).where(eq(messageSubscriptions.instanceId, instanceId))).toEqual([]);
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, instanceId), eq(jobs.status, "pending")))).toEqual([]);
  });
});
