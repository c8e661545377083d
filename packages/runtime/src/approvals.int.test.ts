import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { instances, taskDrafts, tasks, testDatabaseTargets } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "./actor.ts";
import { completeTask } from "./complete-task.ts";
import type { UserError } from "./errors.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask, getTask } from "./task-access.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { inbox } from "./task-views.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

type ApprovalInput = Extract<ProcessDefinitionInput["steps"][number], { kind: "approval" }>;
const approvalProcess = (key: string, approval: Pick<ApprovalInput, "approvers"> & Partial<ApprovalInput>): ProcessDefinitionInput => ({
  schemaVersion: 1,
  key,
  name: `Approval ${key}`,
  steps: [
    { id: "start", kind: "start", name: "Ask", position: { x: 0, y: 0 }, starters: [], form: { schemaVersion: 1, blocks: [{ id: "f-w", type: "text", key: "what", label: "What", required: true }] } },
    { ...approval, id: "vote", kind: "approval", name: "Approve the purchase", position: { x: 100, y: 0 }, resultVariable: "purchase" },
    { id: "decided", kind: "exclusiveGateway", name: "Approved?", position: { x: 200, y: 0 } },
    { id: "order", kind: "userTask", name: "Order it", position: { x: 300, y: 0 }, assignment: { type: "expression", expression: "initiator" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "done", kind: "end", name: "Done", position: { x: 400, y: 0 } },
    { id: "declined", kind: "end", name: "Declined", position: { x: 400, y: 100 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "vote" },
    { id: "c2", source: "vote", target: "decided" },
    { id: "c3", source: "decided", target: "order", condition: 'purchase.outcome = "approved"' },
    { id: "c4", source: "decided", target: "declined", isDefault: true },
    { id: "c5", source: "order", target: "done" },
  ],
});

const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as UserError);

describeOnEachDatabase("approvals in the runtime", targets, (fx) => {
  let dana: Actor;
  let sam: Actor;
  let sara: Actor;
  beforeAll(async () => {
    const ana = await fx.as("ana");
    await publishDefinition(fx.db, ana, approvalProcess("sales-vote", { approvers: { type: "group", group: "sales" }, several: { mode: "parallel", rule: { type: "any" } } }));
    await publishDefinition(fx.db, ana, approvalProcess("sales-visa", { approvers: { type: "group", group: "sales" }, form: { schemaVersion: 1, blocks: [{ id: "f-b", type: "currency", key: "budget", label: "Budget", currency: "EUR" }] } }));
    dana = await fx.as("dana");
    sam = await fx.as("sam");
    sara = await fx.as("sara");
  });
  const voteTask = async (actor: Actor, instanceId: string) => (await inbox(fx.db, actor)).assigned.find((t) => t.instanceId === instanceId && t.stepId === "vote")!;

  it("asks each member of the group, takes the first approval under 'any', and cancels the other vote with its draft", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "sales-vote", data: { what: "Laptop" } });
    const samTask = await voteTask(sam, started.instanceId);
    const saraTask = await voteTask(sara, started.instanceId);
    expect([samTask.assignee?.username, saraTask.assignee?.username]).toEqual(["sam", "sara"]);

    // The form asks for the decision and a comment the server checks.
    const form = (await getTask(fx.db, sara, saraTask.id)).form.schema as { required: string[] };
    expect(form.required).toContain("decision");
    await saveTaskDraft(fx.db, sara, { taskId: saraTask.id, data: { comment: "thinking" }, expectedVersion: null });
    const noComment = await errorOf(completeTask(fx.db, sam, { taskId: samTask.id, data: { decision: "reject" } }));
    expect(noComment).toMatchObject({ code: "INVALID_DATA", fieldErrors: [{ path: "/comment" }] });

    await completeTask(fx.db, sam, { taskId: samTask.id, data: { decision: "approve", comment: "Needed" } });
    const [cancelled] = await fx.db.select().from(tasks).where(eq(tasks.id, saraTask.id));
    expect(cancelled!.status).toBe("cancelled");
    expect(await fx.db.select().from(taskDrafts).where(eq(taskDrafts.taskId, saraTask.id))).toEqual([]);
    const [instance] = await fx.db.select({ variables: instances.variables }).from(instances).where(eq(instances.id, started.instanceId));
    expect((instance!.variables as { purchase: unknown }).purchase).toMatchObject({ outcome: "approved", approvals: 1, votes: [{ by: "sam", decision: "approve", comment: "Needed" }] });
    const order = await fx.db.select().from(tasks).where(and(eq(tasks.instanceId, started.instanceId), eq(tasks.stepId, "order")));
    expect(order).toHaveLength(1);
    expect(await errorOf(completeTask(fx.db, sara, { taskId: saraTask.id, data: { decision: "reject", comment: "Late" } }))).toMatchObject({ code: "CONFLICT" });
  });

  it("keeps the starter from claiming or deciding their own request (four eyes)", async () => {
    const started = await startInstance(fx.db, sam, { processKey: "sales-visa", data: { what: "Desk" } });
    const queued = (await inbox(fx.db, sam)).groupQueue.find((t) => t.instanceId === started.instanceId)!;
    const refused = await errorOf(claimTask(fx.db, sam, queued.id));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "You started this request, so the four-eyes rule lets someone else approve it." });
    await claimTask(fx.db, sara, queued.id);
    await completeTask(fx.db, sara, { taskId: queued.id, data: { decision: "reject", comment: "Too expensive", budget: 300 } });
    const [instance] = await fx.db.select({ status: instances.status, variables: instances.variables }).from(instances).where(eq(instances.id, started.instanceId));
    expect(instance!.status).toBe("completed");
    expect(instance!.variables).toMatchObject({ budget: 300, purchase: { outcome: "rejected", rejections: 1 } });
  });
});
