import { and, asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, instances, jobs, taskDrafts, tasks, testDatabaseTargets } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "./actor.ts";
import { completeTask } from "./complete-task.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { raiseJobIncident } from "./jobs/job-failed.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const at = (x: number) => ({ x, y: 0 });
const noForm = { schemaVersion: 1 as const, blocks: [] };
type Step = ProcessDefinitionInput["steps"][number];
const userTask = (id: string, name: string, user: string, parent?: string): Step => ({ id, kind: "userTask", name, position: at(100), assignment: { type: "user", user }, form: noForm, ...(parent ? { parent } : {}) });

/**
 * Onboarding through the runtime: the "Equipment" sub-process orders a
 * laptop (Sam) and a badge (Dana) in parallel, in a scope of its own; a
 * week at most, then the equipment is handled by hand (an interrupting
 * timer on the sub-process). Welcome comes after the sub-process.
 */
const onboarding: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "onboarding-equipment",
  name: "Onboarding with equipment",
  steps: [
    { id: "start", kind: "start", name: "Start", position: at(0), starters: [] },
    { id: "equipment", kind: "subProcess", name: "Equipment", position: at(100), size: { width: 400, height: 200 } },
    { id: "eqStart", kind: "start", name: "Equipment needed", position: at(110), parent: "equipment" },
    { id: "split", kind: "parallelGateway", name: "Both", position: at(120), parent: "equipment" },
    userTask("laptop", "Order a laptop", "sam", "equipment"),
    userTask("badge", "Print a badge", "dana", "equipment"),
    { id: "join", kind: "parallelGateway", name: "Both done", position: at(140), parent: "equipment" },
    { id: "eqEnd", kind: "end", name: "Equipped", position: at(150), parent: "equipment" },
    { id: "week", kind: "boundaryEvent", name: "A week passed", position: at(160), attachedTo: "equipment", trigger: { type: "timer", timer: { type: "duration", duration: "P7D" } }, interrupting: true },
    userTask("byHand", "Sort out the equipment by hand", "dana"),
    userTask("welcome", "Welcome the new colleague", "dana"),
    { id: "end", kind: "end", name: "Done", position: at(300) },
  ],
  connections: [
    { id: "c1", source: "start", target: "equipment" },
    { id: "c2", source: "equipment", target: "welcome" },
    { id: "c3", source: "welcome", target: "end" },
    { id: "c4", source: "eqStart", target: "split" },
    { id: "c5", source: "split", target: "laptop" },
    { id: "c6", source: "split", target: "badge" },
    { id: "c7", source: "laptop", target: "join" },
    { id: "c8", source: "badge", target: "join" },
    { id: "c9", source: "join", target: "eqEnd" },
    { id: "c10", source: "week", target: "byHand" },
    { id: "c11", source: "byHand", target: "end" },
  ],
};

describeOnEachDatabase("embedded sub-processes run by the runtime", targets, (fx) => {
  let dana: Actor;
  let sam: Actor;
  const t0 = new Date("2026-05-04T08:00:00.000Z");
  const DAY = 86_400_000;
  const time = (ms: number) => new Date(t0.getTime() + ms);
  const tasksOf = (id: string) => fx.db.select().from(tasks).where(eq(tasks.instanceId, id)).orderBy(asc(tasks.createdAt), asc(tasks.name));
  const stateOf = async (id: string) => ((await fx.db.select().from(instances).where(eq(instances.id, id)))[0]!.state as InstanceState);

  beforeAll(async () => {
    await publishDefinition(fx.db, await fx.as("ana"), onboarding);
    dana = await fx.as("dana");
    sam = await fx.as("sam");
  });

  it("runs the tasks inside in a scope of their own and moves on when both are done", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "onboarding-equipment", data: {} }, { now: t0 });
    const state = await stateOf(started.instanceId);
    const scope = state.tokens.find((t) => t.stepId === "equipment")!;
    expect(state.tokens.filter((t) => t.parentId === scope.id).map((t) => t.stepId).sort()).toEqual(["badge", "laptop"]);
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, started.instanceId), eq(jobs.status, "pending")))).toHaveLength(1);

    const [laptop, badge] = await tasksOf(started.instanceId);
    expect([laptop!.name, badge!.name]).toEqual(["Order a laptop", "Print a badge"]);
    await completeTask(fx.db, sam, { taskId: laptop!.id, data: {} }, { now: time(DAY) });
    expect((await tasksOf(started.instanceId)).filter((t) => t.status === "open").map((t) => t.name)).toEqual(["Print a badge"]);
    await completeTask(fx.db, dana, { taskId: badge!.id, data: {} }, { now: time(2 * DAY) });

    expect((await tasksOf(started.instanceId)).filter((t) => t.status === "open").map((t) => t.name)).toEqual(["Welcome the new colleague"]);
    expect((await stateOf(started.instanceId)).tokens.map((t) => t.stepId)).toEqual(["welcome"]);
    // The week's timer went with the sub-process.
    expect(await fx.db.select().from(jobs).where(and(eq(jobs.instanceId, started.instanceId), eq(jobs.status, "pending")))).toEqual([]);
  });

  it("cancels what is still open inside when the timer on the sub-process interrupts it", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "onboarding-equipment", data: {} }, { now: t0 });
    const [laptop, badge] = await tasksOf(started.instanceId);
    await completeTask(fx.db, dana, { taskId: badge!.id, data: {} }, { now: time(DAY) });
    await saveTaskDraft(fx.db, sam, { taskId: laptop!.id, data: {}, expectedVersion: null }, time(DAY));

    await runDueJobs(fx.db, { handlers: jobHandlers(), now: () => time(7 * DAY), onFailed: raiseJobIncident });
    expect((await tasksOf(started.instanceId)).map((t) => [t.name, t.status])).toEqual([
      ["Order a laptop", "cancelled"],
      ["Print a badge", "completed"],
      ["Sort out the equipment by hand", "open"],
    ]);
    expect(await fx.db.select().from(taskDrafts).where(eq(taskDrafts.taskId, laptop!.id))).toEqual([]);
    expect((await stateOf(started.instanceId)).tokens.map((t) => t.stepId)).toEqual(["byHand"]);
    const cancelled = await fx.db.select({ data: auditEvents.data }).from(auditEvents).where(and(eq(auditEvents.taskId, laptop!.id), eq(auditEvents.type, "task.cancelled")));
    expect(cancelled.map((e) => e.data)).toEqual([{ stepId: "laptop", reason: 'the timer event "A week passed" (week) went off' }]);
    await expect(completeTask(fx.db, sam, { taskId: laptop!.id, data: {} }, { now: time(8 * DAY) })).rejects.toThrow(/already cancelled/);
  });
});
