import { asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, instances, tasks, testDatabaseTargets, users } from "@baton/db";
import type { Actor } from "./actor.ts";
import { completeTask } from "./complete-task.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { inbox } from "./task-views.ts";
import { groupOf, oneTaskProcess, twoTaskProcess } from "./test-support/hand-out-processes.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

describeOnEachDatabase("who a new task goes to, by the names the process gives", targets, (fx) => {
  let ana: Actor;
  let dana: Actor;
  beforeAll(async () => {
    ana = await fx.as("ana");
    dana = await fx.as("dana");
    await groupOf(fx.db, "desk", ["lea"]);
  });

  const tasksOf = (instanceId: string) => fx.db.select().from(tasks).where(eq(tasks.instanceId, instanceId)).orderBy(asc(tasks.createdAt), asc(tasks.stepId));
  const incidentsOf = async (instanceId: string) => {
    const [row] = await fx.db.select({ status: instances.status, state: instances.state }).from(instances).where(eq(instances.id, instanceId));
    return { status: row!.status, messages: (row!.state as { incidents: { message: string }[] }).incidents.map((i) => i.message) };
  };
  const userId = async (username: string) => (await fx.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

  it("gives a started task to the user or group it names", async () => {
    await publishDefinition(fx.db, ana, oneTaskProcess("to-lea", { type: "expression", expression: '"lea"' }));
    await publishDefinition(fx.db, ana, oneTaskProcess("to-desk", { type: "group", group: "desk" }));
    const toLea = await startInstance(fx.db, dana, { processKey: "to-lea", data: {} });
    const toDesk = await startInstance(fx.db, dana, { processKey: "to-desk", data: {} });
    expect((await tasksOf(toLea.instanceId)).map((t) => t.assigneeId)).toEqual([await userId("lea")]);
    const [deskTask] = await tasksOf(toDesk.instanceId);
    expect(deskTask).toMatchObject({ assigneeId: null, status: "open" });
    expect(deskTask!.candidateGroupId).not.toBeNull();
    expect(await incidentsOf(toLea.instanceId)).toEqual({ status: "running", messages: [] });
    expect(await incidentsOf(toDesk.instanceId)).toEqual({ status: "running", messages: [] });
  });

  it("creates a task for a user or group Baton does not know unassigned, under an incident that says so", async () => {
    await publishDefinition(fx.db, ana, oneTaskProcess("to-nobody", { type: "expression", expression: '"nobody-here"' }));
    const started = await startInstance(fx.db, dana, { processKey: "to-nobody", data: {} });
    const [task] = await tasksOf(started.instanceId);
    expect(task).toMatchObject({ assigneeId: null, candidateGroupId: null, status: "open" });
    expect(await incidentsOf(started.instanceId)).toEqual({
      status: "incident",
      messages: ['Task "Sort the ticket" is assigned to user "nobody-here", who does not exist in Baton; it was created unassigned.'],
    });
    const audit = await fx.db.select({ type: auditEvents.type, data: auditEvents.data }).from(auditEvents).where(eq(auditEvents.taskId, task!.id)).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.type)).toEqual(["task.created", "incident.raised"]);
    expect(audit[0]!.data).toMatchObject({ assignee: "nobody-here" });

    await publishDefinition(fx.db, ana, oneTaskProcess("to-no-group", { type: "group", group: "no-such-desk" }));
    const toNoGroup = await startInstance(fx.db, dana, { processKey: "to-no-group", data: {} });
    expect(await tasksOf(toNoGroup.instanceId)).toEqual([expect.objectContaining({ assigneeId: null, candidateGroupId: null, status: "open" })]);
    expect((await incidentsOf(toNoGroup.instanceId)).messages).toEqual(['Task "Sort the ticket" is assigned to group "no-such-desk", who does not exist in Baton; it was created unassigned.']);
  });

  it("completes a task whose next one names a user Baton does not know: that one unassigned, the completed one stored", async () => {
    await publishDefinition(fx.db, ana, twoTaskProcess("then-ghost", { type: "user", user: "lea" }, { type: "expression", expression: '"ghost"' }));
    const started = await startInstance(fx.db, dana, { processKey: "then-ghost", data: {} });
    const lea = await fx.as("lea");
    const read = (await inbox(fx.db, lea)).assigned.find((t) => t.instanceId === started.instanceId)!;
    const done = await completeTask(fx.db, lea, { taskId: read.id, data: {} });
    expect(done).toMatchObject({ instanceStatus: "incident", next: [] }); // lea may not see a task nobody has
    const [first, next] = await tasksOf(started.instanceId);
    expect(first).toMatchObject({ stepId: "read", status: "completed", completedBy: await userId("lea"), submitted: {} });
    expect(next).toMatchObject({ stepId: "sort", status: "open", assigneeId: null });
    expect((await incidentsOf(started.instanceId)).messages).toEqual(['Task "Sort the ticket" is assigned to user "ghost", who does not exist in Baton; it was created unassigned.']);
  });
});
