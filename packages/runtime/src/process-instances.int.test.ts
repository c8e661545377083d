import { asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { tasks, testDatabaseTargets } from "@baton/db";
import type { Actor } from "./actor.ts";
import { cancelInstanceAsAdmin } from "./admin-cancel-instance.ts";
import { completeTask } from "./complete-task.ts";
import type { UserError } from "./errors.ts";
import { listProcessInstances } from "./process-instances.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { oneTaskProcess } from "./test-support/hand-out-processes.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UserError);

describeOnEachDatabase("an admin lists a process's instances", targets, (fx) => {
  let admin: Actor;
  const ids: string[] = [];
  const t0 = new Date("2026-05-04T08:00:00.000Z");
  const time = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const list = (query: Omit<Parameters<typeof listProcessInstances>[2], "processKey"> = {}) => listProcessInstances(fx.db, admin, { processKey: "listed", ...query });

  beforeAll(async () => {
    admin = await fx.as("admin");
    const dana = await fx.as("dana");
    const sam = await fx.as("sam");
    const ana = await fx.as("ana");
    await publishDefinition(fx.db, ana, oneTaskProcess("listed", { type: "user", user: "sam" }, "Sort it"));
    for (let i = 0; i < 3; i++) ids.push((await startInstance(fx.db, dana, { processKey: "listed", data: {} }, { now: time(i) })).instanceId);
    await publishDefinition(fx.db, ana, oneTaskProcess("listed", { type: "user", user: "sam" }, "Sort it again"));
    for (let i = 3; i < 5; i++) ids.push((await startInstance(fx.db, dana, { processKey: "listed", data: {} }, { now: time(i) })).instanceId);
    const [first] = await fx.db.select().from(tasks).where(eq(tasks.instanceId, ids[0]!)).orderBy(asc(tasks.createdAt));
    await completeTask(fx.db, sam, { taskId: first!.id, data: {} }, { now: time(10) });
    await cancelInstanceAsAdmin(fx.db, admin, { instanceId: ids[3]!, reason: "Duplicate" }, { now: time(11) });
  });

  it("shows the active ones by default, newest first, with version, step, starter and times", async () => {
    const page = await list();
    expect(page.instances.map((i) => i.id)).toEqual([ids[4], ids[2], ids[1]]);
    expect(page).toMatchObject({ total: 3, limit: 50, offset: 0, nextOffset: null });
    const newest = page.instances[0]!;
    expect(newest).toMatchObject({
      title: `One task listed #${newest.number}`,
      version: 2,
      status: "running",
      currentSteps: [{ stepId: "sort", name: "Sort it again" }],
      startedBy: "dana",
      startedByName: "Dana Desk",
      startedAt: time(4).toISOString(),
      endedAt: null,
      calledBy: null,
    });
    expect(page.instances[2]).toMatchObject({ version: 1, currentSteps: [{ stepId: "sort", name: "Sort it" }] });
    expect(new Date(newest.updatedAt).getTime()).toBeGreaterThanOrEqual(time(4).getTime());
  });

  it("filters by status and version, and pages", async () => {
    expect((await list({ status: "completed" })).instances).toEqual([expect.objectContaining({ id: ids[0], status: "completed", currentSteps: [], endedAt: time(10).toISOString() })]);
    expect((await list({ status: "cancelled" })).instances).toEqual([expect.objectContaining({ id: ids[3], status: "cancelled", updatedAt: time(11).toISOString(), endedAt: time(11).toISOString() })]);
    expect((await list({ status: "all", version: 1 })).instances.map((i) => i.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await list({ status: "incident" })).total).toBe(0);
    const first = await list({ status: "all", limit: 2 });
    expect(first).toMatchObject({ total: 5, nextOffset: 2 });
    const second = await list({ status: "all", limit: 2, offset: first.nextOffset! });
    const third = await list({ status: "all", limit: 2, offset: second.nextOffset! });
    expect([...first.instances, ...second.instances, ...third.instances].map((i) => i.id)).toEqual([...ids].reverse());
    expect(third.nextOffset).toBeNull();
  });

  it("refuses non-admins, unknown processes and oversized pages", async () => {
    for (const who of ["ana", "dana"]) expect((await failure(listProcessInstances(fx.db, await fx.as(who), { processKey: "listed" })))?.code).toBe("FORBIDDEN");
    expect((await failure(listProcessInstances(fx.db, admin, { processKey: "no-such-process" })))?.code).toBe("NOT_FOUND");
    expect((await failure(list({ limit: 201 })))?.message).toMatch(/1 to 200 instances/);
    expect((await failure(list({ offset: -1 })))?.code).toBe("INVALID_INPUT");
  });
});
