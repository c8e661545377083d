import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditEvents, instances, jobs, taskDrafts, tasks, testDatabaseTargets } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "../actor.ts";
import { completeTask } from "../complete-task.ts";
import { publishDefinition } from "../publish.ts";
import { startInstance } from "../start-instance.ts";
import { saveTaskDraft } from "../task-drafts.ts";
import { inbox } from "../task-views.ts";
import { startHttpService, type HttpService } from "../test-support/http-service.ts";
import { describeOnEachDatabase } from "../test-support/runtime-fixture.ts";
import { jobHandlers } from "./handlers.ts";
import { raiseJobIncident } from "./job-failed.ts";
import { runDueJobs } from "./worker.ts";

const targets = await testDatabaseTargets();

let registry: HttpService;
beforeAll(async () => {
  registry = await startHttpService({ status: 404, text: "no such file" });
});
afterAll(async () => registry?.close());

const at = (x: number) => ({ x, y: 0 });
const noForm = { schemaVersion: 1 as const, blocks: [] };

/**
 * Support request with a deadline: Sam has a day to answer; after that the
 * service desk takes over (interrupting), and every 4 hours until then the
 * dispatcher is alerted (non-interrupting, twice at most).
 */
const deadline: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "answer-in-a-day",
  name: "Answer in a day",
  steps: [
    { id: "start", kind: "start", name: "Request", position: at(0), starters: [] },
    { id: "answer", kind: "userTask", name: "Answer the customer", position: at(100), assignment: { type: "user", user: "sam" }, form: { schemaVersion: 1, blocks: [{ id: "f-a", type: "longText", key: "reply", label: "Reply" }] } },
    { id: "late", kind: "boundaryEvent", name: "A day passed", position: at(150), attachedTo: "answer", trigger: { type: "timer", timer: { type: "duration", duration: "P1D" } }, interrupting: true },
    { id: "nudge", kind: "boundaryEvent", name: "Every 4 hours", position: at(120), attachedTo: "answer", trigger: { type: "timer", timer: { type: "cycle", cycle: "R2/PT4H" } }, interrupting: false },
    { id: "tell", kind: "notify", name: "Tell the dispatcher", position: at(200), recipients: { type: "user", user: "dana" }, subject: "Still unanswered", message: "" },
    { id: "desk", kind: "userTask", name: "Take over", position: at(300), assignment: { type: "group", group: "service-desk" }, form: noForm },
    { id: "done", kind: "end", name: "Done", position: at(400) },
    { id: "told", kind: "end", name: "Told", position: at(400) },
  ],
  connections: [
    { id: "c1", source: "start", target: "answer" },
    { id: "c2", source: "answer", target: "done" },
    { id: "c3", source: "late", target: "desk" },
    { id: "c4", source: "desk", target: "done" },
    { id: "c5", source: "nudge", target: "tell" },
    { id: "c6", source: "tell", target: "told" },
  ],
};

/** Citizen appeal's file lookup: a 404 from the registry means there is no personal file, so one is created. */
const fileLookup = (url: string): ProcessDefinitionInput => ({
  schemaVersion: 1,
  key: "file-lookup",
  name: "File lookup",
  steps: [
    { id: "start", kind: "start", name: "Appeal", position: at(0), starters: [], form: { schemaVersion: 1, blocks: [{ id: "f-c", type: "text", key: "citizen", label: "Citizen", required: true }] } },
    { id: "fetch", kind: "serviceCall", name: "Fetch the personal file", position: at(100), request: { method: "GET", url: `${url}/files/{{citizen}}`, headers: [] }, outputs: [], retries: 3, timeoutSeconds: 5 },
    { id: "noFile", kind: "boundaryEvent", name: "No personal file", position: at(150), attachedTo: "fetch", trigger: { type: "error", errorCode: "404", errorVariable: "lookup" }, interrupting: true },
    { id: "answer", kind: "userTask", name: "Answer", position: at(200), assignment: { type: "user", user: "sam" }, form: noForm },
    { id: "create", kind: "userTask", name: "Create the personal file", position: at(200), assignment: { type: "user", user: "sam" }, form: noForm },
    { id: "done", kind: "end", name: "Done", position: at(300) },
  ],
  connections: [
    { id: "c1", source: "start", target: "fetch" },
    { id: "c2", source: "fetch", target: "answer" },
    { id: "c3", source: "noFile", target: "create" },
    { id: "c4", source: "answer", target: "done" },
    { id: "c5", source: "create", target: "done" },
  ],
});

const HOUR = 3_600_000;

describeOnEachDatabase("boundary events run by the job worker", targets, (fx) => {
  let dana: Actor;
  let sam: Actor;
  const t0 = new Date("2026-03-02T08:00:00.000Z");
  const time = (ms: number) => new Date(t0.getTime() + ms);
  const run = (ms: number) => runDueJobs(fx.db, { handlers: jobHandlers(), now: () => time(ms), onFailed: raiseJobIncident });
  const tasksOf = (instanceId: string) => fx.db.select().from(tasks).where(eq(tasks.instanceId, instanceId)).orderBy(tasks.createdAt);
  const auditOf = async (instanceId: string) => fx.db.select({ type: auditEvents.type, data: auditEvents.data, taskId: auditEvents.taskId }).from(auditEvents).where(eq(auditEvents.instanceId, instanceId)).orderBy(auditEvents.id);
  const pendingJobs = (instanceId: string) => fx.db.select().from(jobs).where(and(eq(jobs.instanceId, instanceId), eq(jobs.status, "pending")));

  beforeAll(async () => {
    const ana = await fx.as("ana");
    await publishDefinition(fx.db, ana, deadline);
    await publishDefinition(fx.db, ana, fileLookup(registry.url));
    dana = await fx.as("dana");
    sam = await fx.as("sam");
  });

  it("alerts on a cycle while the task is open, then cancels it at the deadline: gone from the inbox, its draft deleted, audited why", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "answer-in-a-day", data: {} }, { now: t0 });
    const [answer] = await tasksOf(started.instanceId);
    await saveTaskDraft(fx.db, sam, { taskId: answer!.id, data: { reply: "Half written" }, expectedVersion: null }, time(HOUR));
    expect((await inbox(fx.db, sam)).assigned.map((t) => t.id)).toContain(answer!.id);
    expect(await pendingJobs(started.instanceId)).toHaveLength(2);

    await run(4 * HOUR);
    await run(8 * HOUR);
    await run(12 * HOUR); // nothing more: twice, as R2 says
    const alerts = (await auditOf(started.instanceId)).filter((e) => e.type === "notification.sent");
    expect(alerts).toHaveLength(2);
    expect((await tasksOf(started.instanceId)).map((t) => [t.name, t.status])).toEqual([["Answer the customer", "open"]]);

    await run(24 * HOUR);
    const after = await tasksOf(started.instanceId);
    expect(after.map((t) => [t.name, t.status])).toEqual([
      ["Answer the customer", "cancelled"],
      ["Take over", "open"],
    ]);
    expect((await inbox(fx.db, sam)).assigned.map((t) => t.id)).not.toContain(answer!.id);
    expect(await fx.db.select().from(taskDrafts).where(eq(taskDrafts.taskId, answer!.id))).toEqual([]);
    const audit = await auditOf(started.instanceId);
    expect(audit).toContainEqual({ type: "task.cancelled", taskId: answer!.id, data: { stepId: "answer", reason: 'the timer event "A day passed" (late) went off' } });
    expect(audit.filter((e) => e.type === "boundary.triggered").map((e) => e.data)).toEqual([
      { stepId: "nudge", name: "Every 4 hours", attachedTo: "answer", interrupting: false },
      { stepId: "nudge", name: "Every 4 hours", attachedTo: "answer", interrupting: false },
      { stepId: "late", name: "A day passed", attachedTo: "answer", interrupting: true },
    ]);
    expect(await pendingJobs(started.instanceId)).toEqual([]);
    await expect(completeTask(fx.db, sam, { taskId: answer!.id, data: { reply: "Too late" } }, { now: time(25 * HOUR) })).rejects.toThrow();
  });

  it("drops the boundary timers' jobs when the task is completed first", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "answer-in-a-day", data: {} }, { now: t0 });
    const [answer] = await tasksOf(started.instanceId);
    await completeTask(fx.db, sam, { taskId: answer!.id, data: { reply: "Done" } }, { now: time(HOUR) });
    expect(await pendingJobs(started.instanceId)).toEqual([]);
    await run(48 * HOUR);
    expect((await auditOf(started.instanceId)).some((e) => e.type === "boundary.triggered")).toBe(false);
    const [instance] = await fx.db.select({ status: instances.status }).from(instances).where(eq(instances.id, started.instanceId));
    expect(instance!.status).toBe("completed");
  });

  it("catches the registry's 404 as an error and takes the event's way, without an incident", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "file-lookup", data: { citizen: "ada" } }, { now: t0 });
    expect(await run(0)).toBe(1);
    expect(registry.received.at(-1)).toMatchObject({ method: "GET", path: "/files/ada" });

    const [instance] = await fx.db.select({ state: instances.state, status: instances.status }).from(instances).where(eq(instances.id, started.instanceId));
    const state = instance!.state as InstanceState;
    expect(instance!.status).toBe("running");
    expect(state.incidents).toEqual([]);
    expect(state.variables.lookup).toEqual({ code: "404", message: expect.stringMatching(/^GET http:\/\/127\.0\.0\.1:\d+\/files\/ada answered 404 Not Found: no such file; an answer like this is not retried \(attempt 1 of 4\)$/) });
    expect((await tasksOf(started.instanceId)).map((t) => t.name)).toEqual(["Create the personal file"]);
    expect((await auditOf(started.instanceId)).filter((e) => e.type === "boundary.triggered").map((e) => e.data)).toEqual([
      { stepId: "noFile", name: "No personal file", attachedTo: "fetch", interrupting: true, error: { code: "404", message: expect.any(String) } },
    ]);
  });
});
