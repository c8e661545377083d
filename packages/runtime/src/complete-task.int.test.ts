import { beforeAll, expect, it } from "vitest";
import { testDatabaseTargets } from "@baton/db";
import type { Actor } from "./actor.ts";
import { COMPLETION_POINTS, completeTask } from "./complete-task.ts";
import type { UserError } from "./errors.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask, getTask } from "./task-access.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { inbox } from "./task-views.ts";
import { describeOnEachDatabase, failAt, prospect, snapshotInstance } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const codeOf = (error: unknown) => (error as UserError).code;

describeOnEachDatabase("completing a task", targets, (fx) => {
  let sam: Actor;
  beforeAll(async () => {
    sam = await fx.as("sam");
  });

  /** A fresh instance whose call-back Sam has claimed, with a draft saved. */
  async function claimedCallBack() {
    const started = await startInstance(fx.db, await fx.as("dana"), { processKey: "lead-to-customer", data: prospect });
    const task = (await inbox(fx.db, sam)).groupQueue.find((t) => t.instanceId === started.instanceId)!;
    await claimTask(fx.db, sam, task.id);
    await saveTaskDraft(fx.db, sam, { taskId: task.id, data: { callNotes: "half typed" }, expectedVersion: null });
    return { instanceId: started.instanceId, taskId: task.id };
  }

  it("refuses invalid data with field errors; instance variables unchanged, draft intact", async () => {
    const { instanceId, taskId } = await claimedCallBack();
    const before = await snapshotInstance(fx.db, instanceId);
    const error = await completeTask(fx.db, sam, { taskId, data: { outcome: "maybe", callNotes: 42 } }).catch((e) => e);
    expect(codeOf(error)).toBe("INVALID_DATA");
    expect((error as UserError).fieldErrors!.map((f) => f.path).sort()).toEqual(["/callNotes", "/outcome"]);
    expect(await snapshotInstance(fx.db, instanceId)).toEqual(before);
    expect(before.drafts[0]!.data).toEqual({ callNotes: "half typed" });
  });

  it.each(COMPLETION_POINTS)("rolls everything back when a failure strikes at %s", async (point) => {
    const { instanceId, taskId } = await claimedCallBack();
    const before = await snapshotInstance(fx.db, instanceId);
    const { reached, checkpoint } = failAt(point);
    const error = await completeTask(fx.db, sam, { taskId, data: { outcome: "converted" } }, { checkpoint }).catch((e) => e);
    expect((error as Error).message).toBe(`injected failure at ${point}`);
    expect(reached.at(-1)).toBe(point);
    expect(await snapshotInstance(fx.db, instanceId)).toEqual(before);
    // …and the task can still be completed afterwards.
    const ok = await completeTask(fx.db, sam, { taskId, data: { outcome: "converted" } });
    expect(ok.next.map((t) => t.name)).toEqual(["Enter the order"]);
  });

  it("never shows a draft in the instance variables before completion", async () => {
    const { instanceId, taskId } = await claimedCallBack();
    await saveTaskDraft(fx.db, sam, { taskId, data: { callNotes: "draft v2", outcome: "converted" }, expectedVersion: 1 });
    const during = await snapshotInstance(fx.db, instanceId);
    expect(during.instance!.variables).not.toHaveProperty("callNotes");
    expect(during.instance!.variables).not.toHaveProperty("outcome");
    await completeTask(fx.db, sam, { taskId, data: { outcome: "notInterested" } });
    const after = await snapshotInstance(fx.db, instanceId);
    expect(after.instance!.variables).toMatchObject({ outcome: "notInterested" });
    expect((after.instance!.variables as Record<string, unknown>).callNotes ?? null).toBeNull(); // the draft's text was never submitted
    expect(after.drafts).toEqual([]);
  });

  it("lets exactly one of two simultaneous completions of a task succeed", async () => {
    const { instanceId, taskId } = await claimedCallBack();
    const results = await Promise.allSettled([
      completeTask(fx.db, sam, { taskId, data: { outcome: "converted" } }),
      completeTask(fx.db, sam, { taskId, data: { outcome: "notInterested" } }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(codeOf(rejected[0]!.reason)).toBe("CONFLICT");
    const after = await snapshotInstance(fx.db, instanceId);
    expect(after.audit.filter((a) => a.type === "task.completed")).toHaveLength(1);
  });

  it("hides another group's task from a participant and refuses its completion", async () => {
    const { taskId } = await claimedCallBack();
    const shay = await fx.as("shay");
    expect(codeOf(await getTask(fx.db, shay, taskId).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await completeTask(fx.db, shay, { taskId, data: { outcome: "converted" } }).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await saveTaskDraft(fx.db, shay, { taskId, data: {}, expectedVersion: 1 }).catch((e) => e))).toBe("NOT_FOUND");
    expect((await inbox(fx.db, shay)).groupQueue.some((t) => t.id === taskId)).toBe(false);
  });

  it("refuses a colleague's completion of a task someone claimed, and a second claim", async () => {
    const { taskId } = await claimedCallBack();
    const sara = await fx.as("sara");
    expect(codeOf(await completeTask(fx.db, sara, { taskId, data: { outcome: "converted" } }).catch((e) => e))).toBe("FORBIDDEN");
    expect(codeOf(await claimTask(fx.db, sara, taskId).catch((e) => e))).toBe("CONFLICT");
  });

  it("refuses a completion of an unclaimed group task until it is claimed", async () => {
    const started = await startInstance(fx.db, await fx.as("dana"), { processKey: "lead-to-customer", data: prospect });
    const task = (await inbox(fx.db, sam)).groupQueue.find((t) => t.instanceId === started.instanceId)!;
    const error = await completeTask(fx.db, sam, { taskId: task.id, data: { outcome: "converted" } }).catch((e) => e);
    expect(codeOf(error)).toBe("FORBIDDEN");
    expect((error as Error).message).toMatch(/Claim/);
  });

  it("refuses a stale draft save and keeps the newer draft", async () => {
    const { taskId } = await claimedCallBack();
    const second = await saveTaskDraft(fx.db, sam, { taskId, data: { callNotes: "from tab B" }, expectedVersion: 1 });
    expect(second.version).toBe(2);
    const stale = await saveTaskDraft(fx.db, sam, { taskId, data: { callNotes: "from tab A" }, expectedVersion: 1 }).catch((e) => e);
    expect(codeOf(stale)).toBe("CONFLICT");
    expect((await getTask(fx.db, sam, taskId)).draft).toMatchObject({ version: 2, data: { callNotes: "from tab B" } });
  });

  it("answers unknown and malformed task ids as not found", async () => {
    expect(codeOf(await completeTask(fx.db, sam, { taskId: "not-a-task", data: {} }).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await getTask(fx.db, sam, "00000000-0000-4000-8000-000000000000").catch((e) => e))).toBe("NOT_FOUND");
  });

  it("refuses a second completion of a completed task and changes nothing", async () => {
    const { instanceId, taskId } = await claimedCallBack();
    await completeTask(fx.db, sam, { taskId, data: { outcome: "notInterested" } });
    const before = await snapshotInstance(fx.db, instanceId);
    expect(codeOf(await completeTask(fx.db, sam, { taskId, data: { outcome: "converted" } }).catch((e) => e))).toBe("CONFLICT");
    expect(await snapshotInstance(fx.db, instanceId)).toEqual(before);
  });
});
