import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, instances, tasks, testDatabaseTargets, users } from "@baton/db";
import type { Assignment } from "@baton/model";
import type { Actor } from "./actor.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { completeTask } from "./complete-task.ts";
import { unclaimTask } from "./task-access.ts";
import { inbox, loadTaskSummaries } from "./task-views.ts";
import { groupOf, oneTaskProcess, twoTaskProcess } from "./test-support/hand-out-processes.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

describeOnEachDatabase("group tasks handed out by round robin and least loaded", targets, (fx) => {
  let ana: Actor;
  let admin: Actor;
  let dana: Actor;
  beforeAll(async () => {
    ana = await fx.as("ana");
    admin = await fx.as("admin");
    dana = await fx.as("dana");
    await groupOf(fx.db, "triage", ["ema", "finn", "gus"]);
  });

  const publish = (key: string, assignment: Assignment) => publishDefinition(fx.db, ana, oneTaskProcess(key, assignment));
  /** Starts `key` and answers who got its task, with the task. */
  const startAndAssignee = async (key: string) => {
    const started = await startInstance(fx.db, dana, { processKey: key, data: {} });
    const [task] = await loadTaskSummaries(fx.db, admin, eq(tasks.instanceId, started.instanceId));
    return { instanceId: started.instanceId, task: task!, assignee: task!.assignee?.username ?? null };
  };
  const auditOf = async (taskId: string, type: string) =>
    (await fx.db.select().from(auditEvents).where(and(eq(auditEvents.taskId, taskId), eq(auditEvents.type, type))).orderBy(asc(auditEvents.id))).map((e) => e.data);
  const setDisabled = (username: string, disabled: boolean) => fx.db.update(users).set({ disabled }).where(eq(users.username, username));

  it("hands a step's tasks to the members in turn across instances, keeps the group, and audits who and why", async () => {
    await publish("rr-triage", { type: "group", group: "triage", strategy: "roundRobin" });
    const got = [];
    for (let i = 0; i < 4; i++) got.push(await startAndAssignee("rr-triage"));
    expect(got.map((g) => g.assignee)).toEqual(["ema", "finn", "gus", "ema"]);
    expect(got[0]!.task.candidateGroup).toMatchObject({ key: "triage" });

    expect(await auditOf(got[0]!.task.id, "task.assigned")).toEqual([
      { stepId: "sort", assignee: "ema", candidateGroup: "triage", strategy: "roundRobin", reason: 'round robin: the first of group "triage"' },
    ]);
    expect(await auditOf(got[1]!.task.id, "task.assigned")).toEqual([expect.objectContaining({ assignee: "finn", reason: 'round robin: next in group "triage" after ema' })]);
    expect(await auditOf(got[1]!.task.id, "task.created")).toEqual([expect.objectContaining({ assignee: null, candidateGroup: "triage", strategy: "roundRobin" })]);

    // The picked member may give it back to the group's queue, as after a claim.
    const finn = await fx.as("finn");
    const released = await unclaimTask(fx.db, finn, got[1]!.task.id);
    expect(released).toMatchObject({ assignee: null, candidateGroup: { key: "triage" } });
  });

  it("keeps one turn per process step: another process starts from the first member", async () => {
    await publish("rr-other", { type: "group", group: "triage", strategy: "roundRobin" });
    expect((await startAndAssignee("rr-other")).assignee).toBe("ema");
    expect((await startAndAssignee("rr-other")).assignee).toBe("finn");
  });

  it("passes over disabled members", async () => {
    await publish("rr-disabled", { type: "group", group: "triage", strategy: "roundRobin" });
    await setDisabled("finn", true);
    try {
      const got = [];
      for (let i = 0; i < 3; i++) got.push((await startAndAssignee("rr-disabled")).assignee);
      expect(got).toEqual(["ema", "gus", "ema"]);
    } finally {
      await setDisabled("finn", false);
    }
    // Back in the group, finn is next in turn after ema.
    expect((await startAndAssignee("rr-disabled")).assignee).toBe("finn");
  });

  it("gives a least-loaded task to the member with the fewest open tasks, equals in turn", async () => {
    await groupOf(fx.db, "loaded", ["hal", "ivy", "jon"]);
    // hal has two open tasks already, ivy one, jon none.
    await publish("ll-hal", { type: "user", user: "hal" });
    await publish("ll-ivy", { type: "user", user: "ivy" });
    for (const key of ["ll-hal", "ll-hal", "ll-ivy"]) await startInstance(fx.db, dana, { processKey: key, data: {} });

    await publish("ll-triage", { type: "group", group: "loaded", strategy: "leastLoaded" });
    const first = await startAndAssignee("ll-triage");
    expect(first.assignee).toBe("jon");
    expect(await auditOf(first.task.id, "task.assigned")).toEqual([
      expect.objectContaining({ assignee: "jon", strategy: "leastLoaded", reason: 'least loaded: 0 open tasks, the fewest in group "loaded"' }),
    ]);
    // Now ivy and jon have one each: the next after jon in turn among them is ivy, then jon, then all three have two.
    const next = [];
    for (let i = 0; i < 3; i++) next.push((await startAndAssignee("ll-triage")).assignee);
    expect(next).toEqual(["ivy", "jon", "hal"]);
  });

  it("counts the task a member has just completed as done when that completion hands out the next one", async () => {
    // amy has one open task elsewhere; zed's only open task is the one he completes, whose next step is least loaded in their group.
    await groupOf(fx.db, "pair", ["amy", "zed"]);
    await publish("ll-amy", { type: "user", user: "amy" });
    await startInstance(fx.db, dana, { processKey: "ll-amy", data: {} });
    await publishDefinition(fx.db, ana, twoTaskProcess("ll-after", { type: "user", user: "zed" }, { type: "group", group: "pair", strategy: "leastLoaded" }));
    const zed = await fx.as("zed");
    await startInstance(fx.db, dana, { processKey: "ll-after", data: {} });
    const [read] = (await inbox(fx.db, zed)).assigned;
    const done = await completeTask(fx.db, zed, { taskId: read!.id, data: {} });
    // Counted as still open, zed would tie with amy at one, and amy would come first in turn.
    expect(done.next.map((t) => [t.name, t.assignee?.username])).toEqual([["Sort the ticket", "zed"]]);
    expect(await auditOf(done.next[0]!.id, "task.assigned")).toEqual([expect.objectContaining({ assignee: "zed", reason: 'least loaded: 0 open tasks, the fewest in group "pair"' })]);
  });

  it("leaves the task in the queue of a group without active members, under a visible incident", async () => {
    await groupOf(fx.db, "night-shift", ["kai"]);
    await setDisabled("kai", true);
    await publish("rr-empty", { type: "group", group: "night-shift", strategy: "roundRobin" });
    const { instanceId, task, assignee } = await startAndAssignee("rr-empty");
    expect(assignee).toBeNull();
    expect(task.candidateGroup).toMatchObject({ key: "night-shift" });
    const [instance] = await fx.db.select({ status: instances.status, state: instances.state }).from(instances).where(eq(instances.id, instanceId));
    expect(instance!.status).toBe("incident");
    expect((instance!.state as { incidents: { code: string; message: string }[] }).incidents).toEqual([
      expect.objectContaining({
        code: "assignment.error",
        message: 'Task "Sort the ticket" could not be handed out: group "night-shift" has no active members to hand it to by round robin; it waits in the group\'s queue.',
      }),
    ]);
    expect(await auditOf(task.id, "task.assigned")).toEqual([]);
  });

  it("leaves plain group tasks to be claimed", async () => {
    await publish("claim-triage", { type: "group", group: "triage", strategy: "claim" });
    const { task, assignee } = await startAndAssignee("claim-triage");
    expect(assignee).toBeNull();
    const events = await fx.db.select({ type: auditEvents.type }).from(auditEvents).where(inArray(auditEvents.taskId, [task.id]));
    expect(events.map((e) => e.type)).toEqual(["task.created"]);
  });
});
