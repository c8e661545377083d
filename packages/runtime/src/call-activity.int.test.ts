import { and, asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, instances, jobs, messageSubscriptions, taskDrafts, tasks, testDatabaseTargets } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "./actor.ts";
import { MAX_CALL_DEPTH } from "./child-instances.ts";
import { completeTask } from "./complete-task.ts";
import { retryIncident } from "./incident-actions.ts";
import { instanceDetails, myRequests } from "./instance-details.ts";
import { archiveProcess, unarchiveProcess } from "./version-lifecycle.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { correlateMessage } from "./messages/correlate-message.ts";
import { raiseJobIncident } from "./jobs/job-failed.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

const at = (x: number) => ({ x, y: 0 });
type Step = ProcessDefinitionInput["steps"][number];
type Form = { schemaVersion: 1; blocks: { id: string; type: string; key: string; label: string }[] };
const noForm: Form = { schemaVersion: 1, blocks: [] };
const start = (starters: string[] = []): Step => ({ id: "start", kind: "start", name: "Start", position: at(0), starters });
const end: Step = { id: "end", kind: "end", name: "Done", position: at(900) };
const chain = (...ids: string[]) => ids.slice(1).map((target, i) => ({ id: `c${i}`, source: ids[i]!, target }));
const call = (id: string, processKey: string, inputs: Record<string, string>, outputs: Record<string, string>): Step => ({
  id,
  kind: "callActivity",
  name: `Call ${processKey}`,
  position: at(100),
  processKey,
  inputs: Object.entries(inputs).map(([to, from]) => ({ from, to })),
  outputs: Object.entries(outputs).map(([to, from]) => ({ from, to })),
});
const userTask = (id: string, name: string, user: string, form: Form = noForm): Step => ({ id, kind: "userTask", name, position: at(200), assignment: { type: "user", user }, form });

/** The damage assessment: Sam estimates the claimed amount. */
const assess: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "assess-damage",
  name: "Assess damage",
  steps: [
    start(["nobody-starts-this-by-hand"]),
    userTask("estimate", "Estimate the damage", "sam", { schemaVersion: 1, blocks: [{ id: "f-e", type: "number", key: "estimate", label: "Estimate" }] }),
    end,
  ],
  connections: chain("start", "estimate", "end"),
};

/** A claim calls the assessment with its amount and pays twice the estimate; Dana pays. */
const claim: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "damage-claim",
  name: "Damage claim",
  steps: [
    { id: "start", kind: "start", name: "Start", position: at(0), starters: [], form: { schemaVersion: 1, blocks: [{ id: "f-a", type: "number", key: "amount", label: "Amount" }] } },
    call("assess", "assess-damage", { amount: "amount", claimant: "initiator" }, { payout: "estimate * 2" }),
    userTask("pay", "Pay the claim", "dana"),
    end,
  ],
  connections: chain("start", "assess", "pay", "end"),
};

/** Two levels: the audit calls the claim process... which calls the assessment. */
const audit: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "claim-audit",
  name: "Claim audit",
  steps: [start(), call("claim", "claim-inner", { amount: "500" }, { audited: "payout" }), userTask("review", "Review the audit", "dana"), end],
  connections: chain("start", "claim", "review", "end"),
};
const claimInner: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "claim-inner",
  name: "Inner claim",
  steps: [start(), call("assess", "assess-damage", { amount: "amount" }, { payout: "estimate * 2" }), end],
  connections: chain("start", "assess", "end"),
};

/** Calls a process that is not published yet; the called one has nothing to wait for. */
const notYet: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "calls-later",
  name: "Calls later",
  steps: [start(), call("call", "published-later", { n: "21" }, { doubled: "n * 2" }), userTask("next", "Next", "dana"), end],
  connections: chain("start", "call", "next", "end"),
};
const later: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "published-later",
  name: "Published later",
  steps: [start(), end],
  connections: chain("start", "end"),
};

/** Calls a process an admin archived. */
const callsArchived: ProcessDefinitionInput = { ...notYet, key: "calls-archived", name: "Calls archived", steps: [start(), call("call", "archived-callee", {}, { answered: "true" }), userTask("next", "Next", "dana"), end] };
const archivedCallee: ProcessDefinitionInput = { ...later, key: "archived-callee", name: "Archived callee" };

/** The assessment may take a day at most; then the claim is handled by hand. */
const inADay: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "claim-in-a-day",
  name: "Claim in a day",
  steps: [
    start(),
    call("audit", "claim-audit", {}, {}),
    { id: "late", kind: "boundaryEvent", name: "A day passed", position: at(150), attachedTo: "audit", trigger: { type: "timer", timer: { type: "duration", duration: "P1D" } }, interrupting: true },
    userTask("byHand", "Handle it by hand", "dana"),
    end,
  ],
  connections: [...chain("start", "audit", "end"), { id: "c9", source: "late", target: "byHand" }, { id: "c10", source: "byHand", target: "end" }],
};

/** The called process waits for the payment system's message; the order waits for it two hours at most. */
const awaitPayment: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "await-payment",
  name: "Await payment",
  steps: [start(), { id: "paid", kind: "messageCatch", name: "Payment received", position: at(100), message: { name: "payment-received", correlationKey: "orderId" }, outputs: [{ from: "amount", to: "amount" }] }, end],
  connections: chain("start", "paid", "end"),
};
const order: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "order-with-payment",
  name: "Order with payment",
  steps: [
    { id: "start", kind: "start", name: "Order", position: at(0), starters: [], form: { schemaVersion: 1, blocks: [{ id: "f-o", type: "text", key: "orderId", label: "Order number" }] } },
    call("pay", "await-payment", { orderId: "orderId" }, { paid: "amount" }),
    { id: "late", kind: "boundaryEvent", name: "Two hours", position: at(150), attachedTo: "pay", trigger: { type: "timer", timer: { type: "duration", duration: "PT2H" } }, interrupting: true },
    userTask("ship", "Ship", "sam"),
    end,
    { id: "dropped", kind: "end", name: "Dropped", position: at(900) },
  ],
  connections: [...chain("start", "pay", "ship", "end"), { id: "c9", source: "late", target: "dropped" }],
};

/** Sam checks for fraud, and finding it ends the check with the error `code`; the claim catches "fraud" on the call. */
const fraudCheck = (key: string, code: string): ProcessDefinitionInput => ({
  schemaVersion: 1,
  key,
  name: `Check (${code})`,
  steps: [start(), userTask("check", "Check for fraud", "sam"), { id: "found", kind: "end", name: "Found", position: at(300), error: { code, message: "Found by the check" } }],
  connections: chain("start", "check", "found"),
});
const checkedClaim = (key: string, calledKey: string): ProcessDefinitionInput => ({
  schemaVersion: 1,
  key,
  name: "Checked claim",
  steps: [
    start(),
    call("check", calledKey, {}, {}),
    { id: "caught", kind: "boundaryEvent", name: "Fraud found", position: at(150), attachedTo: "check", trigger: { type: "error", errorCode: "fraud", errorVariable: "finding" }, interrupting: true },
    userTask("pay", "Pay", "dana"),
    userTask("investigate", "Investigate", "dana"),
    end,
  ],
  connections: [...chain("start", "check", "pay", "end"), ...chain("caught", "investigate", "end").map((c) => ({ ...c, id: `x${c.id}` }))],
});

/** Calls itself without end. */
const forever: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "forever",
  name: "Forever",
  steps: [start(), call("again", "forever", {}, {}), end],
  connections: chain("start", "again", "end"),
};

describeOnEachDatabase("call activities run by the runtime", targets, (fx) => {
  let dana: Actor;
  let sam: Actor;
  let admin: Actor;
  const t0 = new Date("2026-05-04T08:00:00.000Z");
  const time = (ms: number) => new Date(t0.getTime() + ms);
  const instance = async (id: string) => (await fx.db.select().from(instances).where(eq(instances.id, id)))[0]!;
  const childrenOf = (id: string) => fx.db.select().from(instances).where(eq(instances.parentInstanceId, id)).orderBy(asc(instances.number));
  const tasksOf = (id: string) => fx.db.select().from(tasks).where(eq(tasks.instanceId, id)).orderBy(asc(tasks.createdAt));
  const auditOf = (id: string) => fx.db.select({ type: auditEvents.type, data: auditEvents.data }).from(auditEvents).where(eq(auditEvents.instanceId, id)).orderBy(asc(auditEvents.id));

  beforeAll(async () => {
    const ana = await fx.as("ana");
    for (const definition of [assess, claim, audit, claimInner, notYet, inADay, forever, callsArchived, archivedCallee, awaitPayment, order, fraudCheck("fraud-check", "fraud"), fraudCheck("odd-check", "odd"), checkedClaim("checked-claim", "fraud-check"), checkedClaim("oddly-checked-claim", "odd-check")]) await publishDefinition(fx.db, ana, definition);
    dana = await fx.as("dana");
    sam = await fx.as("sam");
    admin = await fx.as("admin");
  });

  it("starts the called process with the inputs, waits, and moves on with the outputs when its task is done", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "damage-claim", data: { amount: 1200 } }, { now: t0 });
    expect(started.status).toBe("running");
    const [child] = await childrenOf(started.instanceId);
    const parentToken = (((await instance(started.instanceId)).state as InstanceState).tokens)[0]!;
    expect(child).toMatchObject({ processKey: "assess-damage", status: "running", parentTokenId: parentToken.id, startedBy: dana.userId });
    // The caller's starter starts it, even where the called process's starters would not let them.
    expect(child!.variables).toEqual({ amount: 1200, claimant: "dana" });
    expect((await auditOf(started.instanceId)).map((e) => e.type)).toEqual(["instance.started", "variables.changed", "child.started"]);
    expect((await auditOf(started.instanceId))[2]!.data).toEqual({ stepId: "assess", processKey: "assess-damage", childInstanceId: child!.id });
    expect((await auditOf(child!.id))[0]).toEqual({
      type: "instance.started",
      data: { processKey: "assess-damage", version: 1, parentInstanceId: started.instanceId, parentStepId: "assess", variables: { amount: 1200, claimant: "dana" } },
    });

    const [estimate] = await tasksOf(child!.id);
    const done = await completeTask(fx.db, sam, { taskId: estimate!.id, data: { estimate: 450 } }, { now: time(1000) });
    expect(done.instanceStatus).toBe("completed");
    expect(await instance(child!.id)).toMatchObject({ status: "completed", endedAt: expect.any(String) });

    const parent = await instance(started.instanceId);
    expect(parent.status).toBe("running");
    expect(parent.variables).toEqual({ amount: 1200, payout: 900 });
    expect((await tasksOf(started.instanceId)).map((t) => [t.name, t.status])).toEqual([["Pay the claim", "open"]]);
    expect((await auditOf(started.instanceId)).map((e) => e.type)).toEqual(["instance.started", "variables.changed", "child.started", "variables.changed", "task.created"]);
  });

  it("shows the caller and the called instances in the details, to those who may see them", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "damage-claim", data: { amount: 80 } }, { now: t0 });
    const [child] = await childrenOf(started.instanceId);
    const parentView = await instanceDetails(fx.db, admin, started.instanceId);
    expect(parentView.parent).toBeNull();
    expect(parentView.children).toEqual([
      { instanceId: child!.id, title: expect.stringMatching(/^Assess damage #\d+/), processKey: "assess-damage", processName: "Assess damage", status: "running", startedAt: t0.toISOString(), endedAt: null, stepId: "assess", stepName: "Call assess-damage" },
    ]);
    const childView = await instanceDetails(fx.db, dana, child!.id);
    expect(childView.parent).toMatchObject({ instanceId: started.instanceId, processKey: "damage-claim", status: "running", stepId: "assess", stepName: "Call assess-damage" });
    expect(childView.children).toEqual([]);

    // Dana's own list holds what she started herself; the call is linked from there.
    const mine = (await myRequests(fx.db, dana)).map((r) => r.instanceId);
    expect(mine).toContain(started.instanceId);
    expect(mine).not.toContain(child!.id);

    // Sam works in the called instance only: he sees it, not where it came from, and not the caller.
    const samsView = await instanceDetails(fx.db, sam, child!.id);
    expect(samsView.parent).toBeNull();
    await expect(instanceDetails(fx.db, sam, started.instanceId)).rejects.toThrow(/not found/i);

    const [estimate] = await tasksOf(child!.id);
    await completeTask(fx.db, sam, { taskId: estimate!.id, data: { estimate: 10 } }, { now: time(1000) });
    expect((await instanceDetails(fx.db, dana, started.instanceId)).children).toEqual([expect.objectContaining({ status: "completed", endedAt: time(1000).toISOString() })]);
  });

  it("runs calls two levels deep, and hands back up through both when the innermost task is done", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "claim-audit", data: {} }, { now: t0 });
    const [inner] = await childrenOf(started.instanceId);
    const [innermost] = await childrenOf(inner!.id);
    expect([inner!.processKey, innermost!.processKey]).toEqual(["claim-inner", "assess-damage"]);
    expect(innermost!.variables).toEqual({ amount: 500 });

    const [estimate] = await tasksOf(innermost!.id);
    await completeTask(fx.db, sam, { taskId: estimate!.id, data: { estimate: 100 } }, { now: time(1000) });
    expect((await instance(innermost!.id)).status).toBe("completed");
    expect(await instance(inner!.id)).toMatchObject({ status: "completed", variables: { amount: 500, payout: 200 } });
    expect(await instance(started.instanceId)).toMatchObject({ status: "running", variables: { audited: 200 } });
    expect((await tasksOf(started.instanceId)).map((t) => t.name)).toEqual(["Review the audit"]);
  });

  it("stops the call under an incident while the process is not published, and calls it once published and retried", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "calls-later", data: {} }, { now: t0 });
    expect(started.status).toBe("incident");
    const state = (await instance(started.instanceId)).state as InstanceState;
    expect(state.incidents).toEqual([
      expect.objectContaining({ code: "call.failed", stepId: "call", tokenId: state.tokens[0]!.id, message: 'The called process "published-later" is not published. Publish it, then retry this incident to call it.' }),
    ]);
    expect(await childrenOf(started.instanceId)).toEqual([]);

    await publishDefinition(fx.db, await fx.as("ana"), later);
    // It completes at once, so the caller moves on in the same step.
    const retried = await retryIncident(fx.db, admin, { instanceId: started.instanceId, incidentId: state.incidents[0]!.id }, { now: time(1000) });
    expect(retried.status).toBe("running");
    const [child] = await childrenOf(started.instanceId);
    expect(child).toMatchObject({ processKey: "published-later", status: "completed" });
    expect(await instance(started.instanceId)).toMatchObject({ variables: { doubled: 42 } });
    expect((await tasksOf(started.instanceId)).map((t) => t.name)).toEqual(["Next"]);
  });

  it("does not call an archived process: an incident that says so, retried once it is unarchived", async () => {
    await archiveProcess(fx.db, admin, { processKey: "archived-callee", reason: "replaced" });
    const started = await startInstance(fx.db, dana, { processKey: "calls-archived", data: {} }, { now: t0 });
    const [incident] = ((await instance(started.instanceId)).state as InstanceState).incidents;
    expect(incident).toMatchObject({ code: "call.failed", message: 'The called process cannot start: "Archived callee" is archived (replaced): new requests cannot be started. An admin can unarchive it. Then retry this incident to call it.' });
    expect(await childrenOf(started.instanceId)).toEqual([]);

    await unarchiveProcess(fx.db, admin, { processKey: "archived-callee" });
    await retryIncident(fx.db, admin, { instanceId: started.instanceId, incidentId: incident!.id }, { now: time(1000) });
    expect(await instance(started.instanceId)).toMatchObject({ status: "running", variables: { answered: true } });
  });

  it("cancels the called instances, their tasks, drafts and timers, all the way down, when a boundary timer interrupts the call", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "claim-in-a-day", data: {} }, { now: t0 });
    const [auditRun] = await childrenOf(started.instanceId);
    const [inner] = await childrenOf(auditRun!.id);
    const [innermost] = await childrenOf(inner!.id);
    const [estimate] = await tasksOf(innermost!.id);
    await saveTaskDraft(fx.db, sam, { taskId: estimate!.id, data: { estimate: 1 }, expectedVersion: null }, time(1000));

    await runDueJobs(fx.db, { handlers: jobHandlers(), now: () => time(86_400_000), onFailed: raiseJobIncident });
    for (const called of [auditRun!, inner!, innermost!]) expect(await instance(called.id)).toMatchObject({ status: "cancelled", endedAt: expect.any(String) });
    expect((await tasksOf(innermost!.id)).map((t) => t.status)).toEqual(["cancelled"]);
    expect(await fx.db.select().from(taskDrafts).where(eq(taskDrafts.taskId, estimate!.id))).toEqual([]);
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, innermost!.id), eq(jobs.status, "pending")))).toEqual([]);
    expect((await auditOf(innermost!.id)).slice(-2).map((e) => e.type)).toEqual(["task.cancelled", "instance.cancelled"]);
    expect((await auditOf(auditRun!.id)).at(-1)?.data).toMatchObject({ reason: 'the timer event "A day passed" (late) went off', callerInstanceId: started.instanceId, callerStepId: "audit" });
    expect((await auditOf(started.instanceId)).find((e) => e.type === "child.cancelled")?.data).toEqual({ stepId: "audit", reason: 'the timer event "A day passed" (late) went off', childInstanceIds: [auditRun!.id] });
    expect((await tasksOf(started.instanceId)).map((t) => t.name)).toEqual(["Handle it by hand"]);

    // The cancelled task can no longer be done, and nothing reaches the callers.
    await expect(completeTask(fx.db, sam, { taskId: estimate!.id, data: { estimate: 2 } }, { now: time(86_500_000) })).rejects.toThrow(/already cancelled/);
    expect((await instance(started.instanceId)).status).toBe("running");
  });

  it("takes a message to the called instance waiting for it, and the caller moves on with what it brought", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "order-with-payment", data: { orderId: "A-1" } }, { now: t0 });
    const [child] = await childrenOf(started.instanceId);
    const delivered = await correlateMessage(fx.db, admin, { name: "payment-received", key: "A-1", data: { amount: 25 } }, { now: time(1000) });
    expect(delivered).toMatchObject({ outcome: "delivered", instanceId: child!.id, status: "completed" });
    expect(await instance(started.instanceId)).toMatchObject({ status: "running", variables: { orderId: "A-1", paid: 25 } });
    expect((await tasksOf(started.instanceId)).map((t) => t.name)).toEqual(["Ship"]);
  });

  it("stops waiting for the message when the caller gives up on the called instance", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "order-with-payment", data: { orderId: "B-2" } }, { now: t0 });
    const [child] = await childrenOf(started.instanceId);
    expect(await fx.db.select().from(messageSubscriptions).where(eq(messageSubscriptions.instanceId, child!.id))).toHaveLength(1);

    await runDueJobs(fx.db, { handlers: jobHandlers(), now: () => time(2 * 3_600_000), onFailed: raiseJobIncident });
    expect(await instance(child!.id)).toMatchObject({ status: "cancelled" });
    expect(await instance(started.instanceId)).toMatchObject({ status: "completed" });
    expect(await fx.db.select().from(messageSubscriptions).where(eq(messageSubscriptions.instanceId, child!.id))).toEqual([]);
    await expect(correlateMessage(fx.db, admin, { name: "payment-received", key: "B-2", data: { amount: 25 } }, { now: time(3 * 3_600_000) })).rejects.toThrow(/No instance waits/);
  });

  it("lets a boundary error event on the call catch the error the called process did not, and cancels it", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "checked-claim", data: {} }, { now: t0 });
    const [child] = await childrenOf(started.instanceId);
    const [check] = await tasksOf(child!.id);
    await completeTask(fx.db, sam, { taskId: check!.id, data: {} }, { now: time(1000) });
    expect(await instance(child!.id)).toMatchObject({ status: "incident" });

    await runDueJobs(fx.db, { handlers: jobHandlers(), now: () => time(2000), onFailed: raiseJobIncident });
    expect(await instance(child!.id)).toMatchObject({ status: "cancelled" });
    expect(await instance(started.instanceId)).toMatchObject({ status: "running", variables: { finding: { code: "fraud", message: "Found by the check" } } });
    expect((await tasksOf(started.instanceId)).map((t) => t.name)).toEqual(["Investigate"]);
    expect((await auditOf(started.instanceId)).map((e) => e.type)).toContain("boundary.triggered");
  });

  it("leaves an error the caller does not catch on the called instance, for an admin; the caller waits", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "oddly-checked-claim", data: {} }, { now: t0 });
    const [child] = await childrenOf(started.instanceId);
    const [check] = await tasksOf(child!.id);
    await completeTask(fx.db, sam, { taskId: check!.id, data: {} }, { now: time(1000) });
    await runDueJobs(fx.db, { handlers: jobHandlers(), now: () => time(2000), onFailed: raiseJobIncident });
    expect(await instance(child!.id)).toMatchObject({ status: "incident" });
    expect(((await instance(child!.id)).state as InstanceState).incidents).toEqual([expect.objectContaining({ code: "error.uncaught", error: { code: "odd", message: "Found by the check" } })]);
    expect(await instance(started.instanceId)).toMatchObject({ status: "running" });
    expect(await tasksOf(started.instanceId)).toEqual([]);
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, started.instanceId), eq(jobs.status, "pending")))).toEqual([]);
  });

  it(`refuses to nest calls more than ${MAX_CALL_DEPTH} deep, under an incident on the deepest caller`, async () => {
    const started = await startInstance(fx.db, dana, { processKey: "forever", data: {} }, { now: t0 });
    let id = started.instanceId;
    for (let depth = 0; depth < MAX_CALL_DEPTH; depth += 1) id = (await childrenOf(id))[0]!.id;
    expect(await childrenOf(id)).toEqual([]);
    const deepest = await instance(id);
    expect(deepest.status).toBe("incident");
    expect((deepest.state as InstanceState).incidents[0]).toMatchObject({ code: "call.failed", message: expect.stringContaining(`at most ${MAX_CALL_DEPTH}`) });
  });
});
