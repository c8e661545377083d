import { and, asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, notifications, taskDrafts, tasks, testDatabaseTargets, users } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "./actor.ts";
import { completeTask } from "./complete-task.ts";
import type { UserError } from "./errors.ts";
import { publishDefinition } from "./publish.ts";
import { reassignTask } from "./reassign-task.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask, taskSummary } from "./task-access.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { inbox } from "./task-views.ts";
import { oneTaskProcess } from "./test-support/hand-out-processes.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as UserError);

/** A purchase the sales group approves (one of them claims the vote), four eyes on. */
const salesVisa: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "handover-visa",
  name: "Hand-over visa",
  steps: [
    { id: "start", kind: "start", name: "Ask", position: { x: 0, y: 0 }, starters: [] },
    { id: "vote", kind: "approval", name: "Approve the purchase", position: { x: 100, y: 0 }, approvers: { type: "group", group: "sales" }, fourEyes: true, resultVariable: "visa" },
    { id: "done", kind: "end", name: "Done", position: { x: 300, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "vote" },
    { id: "c2", source: "vote", target: "done" },
  ],
};

describeOnEachDatabase("handing a task over (delegate, admin reassign)", targets, (fx) => {
  let admin: Actor;
  let dana: Actor;
  let sam: Actor;
  let sara: Actor;
  beforeAll(async () => {
    const ana = await fx.as("ana");
    await publishDefinition(fx.db, ana, oneTaskProcess("handover-sales", { type: "group", group: "sales" }, "Call the customer"));
    await publishDefinition(fx.db, ana, oneTaskProcess("handover-sam", { type: "user", user: "sam" }, "Quote the price"));
    await publishDefinition(fx.db, ana, salesVisa);
    [admin, dana, sam, sara] = [await fx.as("admin"), await fx.as("dana"), await fx.as("sam"), await fx.as("sara")];
  });

  /** A fresh "Call the customer" task of the sales queue, claimed by sam. */
  const samsClaimedTask = async () => {
    const { instanceId } = await startInstance(fx.db, dana, { processKey: "handover-sales", data: {} });
    const task = (await inbox(fx.db, sam)).groupQueue.find((t) => t.instanceId === instanceId)!;
    await claimTask(fx.db, sam, task.id);
    return task.id;
  };
  const auditOf = async (taskId: string) =>
    (await fx.db.select().from(auditEvents).where(and(eq(auditEvents.taskId, taskId), eq(auditEvents.type, "task.reassigned"))).orderBy(asc(auditEvents.id))).map((e) => e.data);
  const notificationsOf = async (username: string, taskId: string) => {
    const [user] = await fx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return fx.db.select().from(notifications).where(and(eq(notifications.userId, user!.id), eq(notifications.taskId, taskId)));
  };

  it("lets the assignee delegate to another user: the task keeps its group and draft, is audited, and the new assignee is told", async () => {
    const taskId = await samsClaimedTask();
    await saveTaskDraft(fx.db, sam, { taskId, data: {}, expectedVersion: null });

    const seen = await reassignTask(fx.db, sam, { taskId, to: { user: "sara" }, note: "  I am off tomorrow, please call them.  " });

    expect(seen).toMatchObject({ assignee: { username: "sara" }, candidateGroup: { key: "sales" }, canComplete: false, canHandOver: false });
    expect(await taskSummary(fx.db, sara, taskId)).toMatchObject({ canComplete: true, canHandOver: true, canUnclaim: true, hasDraft: true });
    expect((await inbox(fx.db, sara)).assigned.map((t) => t.id)).toContain(taskId);
    expect(await auditOf(taskId)).toEqual([
      {
        stepId: "sort",
        from: { assignee: "sam", candidateGroup: "sales" },
        to: { assignee: "sara", candidateGroup: "sales" },
        by: "sam",
        reason: "delegated by the assignee",
        note: "I am off tomorrow, please call them.",
      },
    ]);
    expect(await notificationsOf("sara", taskId)).toEqual([
      expect.objectContaining({ kind: "assignment", subject: 'Sam Sales handed "Call the customer" to you', message: "I am off tomorrow, please call them." }),
    ]);
    expect(await fx.db.select().from(taskDrafts).where(eq(taskDrafts.taskId, taskId))).toHaveLength(1);

    // sara may complete it now; sam may not.
    expect(await errorOf(completeTask(fx.db, sam, { taskId, data: {} }))).toMatchObject({ code: "FORBIDDEN" });
    await completeTask(fx.db, sara, { taskId, data: {} });
  });

  it("lets an admin reassign any open task to a user, or put it into a group's queue", async () => {
    const { instanceId } = await startInstance(fx.db, dana, { processKey: "handover-sam", data: {} });
    const taskId = (await inbox(fx.db, sam)).assigned.find((t) => t.instanceId === instanceId)!.id;

    const toShay = await reassignTask(fx.db, admin, { taskId, to: { user: "shay" } });
    expect(toShay).toMatchObject({ assignee: { username: "shay" }, candidateGroup: null, canHandOver: true });

    const toQueue = await reassignTask(fx.db, admin, { taskId, to: { group: "sales" }, note: "Whoever is free" });
    expect(toQueue).toMatchObject({ assignee: null, candidateGroup: { key: "sales" } });
    expect((await inbox(fx.db, sara)).groupQueue.map((t) => t.id)).toContain(taskId);
    expect(await auditOf(taskId)).toEqual([
      { stepId: "sort", from: { assignee: "sam", candidateGroup: null }, to: { assignee: "shay", candidateGroup: null }, by: "admin", reason: "reassigned by an admin", note: null },
      { stepId: "sort", from: { assignee: "shay", candidateGroup: null }, to: { assignee: null, candidateGroup: "sales" }, by: "admin", reason: "reassigned by an admin", note: "Whoever is free" },
    ]);
    expect(await notificationsOf("shay", taskId)).toEqual([expect.objectContaining({ kind: "assignment", subject: 'Ada Admin handed "Quote the price" to you' })]);
    // The group hears of it, each member once.
    expect(await notificationsOf("sara", taskId)).toEqual([expect.objectContaining({ subject: 'Ada Admin put "Quote the price" into your group\'s queue', message: "Whoever is free" })]);
  });

  it("refuses whoever may not hand it over, and targets that do not exist, are disabled or have it already; nothing changes", async () => {
    const taskId = await samsClaimedTask();
    const refused = async (actor: Actor, to: { user: string } | { group: string }, note?: string) => errorOf(reassignTask(fx.db, actor, { taskId, to, note }));

    expect(await refused(dana, { user: "sara" })).toMatchObject({ code: "NOT_FOUND" });
    expect(await refused(sara, { user: "shay" })).toMatchObject({ code: "FORBIDDEN", message: '"Call the customer" is assigned to Sam Sales; only they or an admin may hand it over.' });
    expect(await refused(sam, { user: "nobody" })).toMatchObject({ code: "INVALID_INPUT", message: '"Call the customer" cannot be handed to "nobody": there is no such user in Baton.' });
    expect(await refused(sam, { user: "sam" })).toMatchObject({ code: "INVALID_INPUT", message: '"Call the customer" is already assigned to Sam Sales.' });
    expect(await refused(sam, { user: " " })).toMatchObject({ code: "INVALID_INPUT" });
    expect(await refused(sam, { group: "shipping" })).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Only an admin may put") });
    expect(await refused(admin, { group: "no-such-group" })).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining('there is no such group') });
    expect(await refused(sam, { user: "sara" }, "x".repeat(1001))).toMatchObject({ code: "INVALID_INPUT", message: "The note is 1001 characters long; keep it to 1000." });
    await fx.db.update(users).set({ disabled: true }).where(eq(users.username, "shay"));
    try {
      expect(await refused(sam, { user: "shay" })).toMatchObject({ code: "INVALID_INPUT", message: '"Call the customer" cannot be handed to Shay Shipping (shay): that user is disabled.' });
    } finally {
      await fx.db.update(users).set({ disabled: false }).where(eq(users.username, "shay"));
    }
    expect(await taskSummary(fx.db, sam, taskId)).toMatchObject({ assignee: { username: "sam" } });
    expect(await auditOf(taskId)).toEqual([]);

    // An unclaimed queue task must be claimed first; a completed one is gone.
    const { instanceId } = await startInstance(fx.db, dana, { processKey: "handover-sales", data: {} });
    const queued = (await inbox(fx.db, sam)).groupQueue.find((t) => t.instanceId === instanceId)!;
    expect(await errorOf(reassignTask(fx.db, sam, { taskId: queued.id, to: { user: "sara" } }))).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("claim it before") });
    await completeTask(fx.db, sam, { taskId, data: {} });
    expect(await refused(sam, { user: "sara" })).toMatchObject({ code: "CONFLICT", message: '"Call the customer" is already completed; it can no longer be handed over.' });
    expect(await errorOf(reassignTask(fx.db, sam, { taskId: "not-a-task-id", to: { user: "sara" } }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("hands nobody a vote the four-eyes rule keeps from them", async () => {
    const { instanceId } = await startInstance(fx.db, sam, { processKey: "handover-visa", data: {} });
    const vote = (await inbox(fx.db, sara)).groupQueue.find((t) => t.instanceId === instanceId)!;
    await claimTask(fx.db, sara, vote.id);

    const delegated = await errorOf(reassignTask(fx.db, sara, { taskId: vote.id, to: { user: "sam" } }));
    expect(delegated).toMatchObject({
      code: "FORBIDDEN",
      message: '"Approve the purchase" cannot be handed to Sam Sales: Sam Sales started this request, so the four-eyes rule lets someone else approve it.',
    });
    expect(await errorOf(reassignTask(fx.db, admin, { taskId: vote.id, to: { user: "sam" } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await taskSummary(fx.db, sara, vote.id)).toMatchObject({ assignee: { username: "sara" } });

    // Someone the rule allows may be handed the vote, and cast it.
    await reassignTask(fx.db, sara, { taskId: vote.id, to: { user: "dana" } });
    await completeTask(fx.db, dana, { taskId: vote.id, data: { decision: "approve", comment: "Fine" } });
  });
});
