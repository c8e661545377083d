import { and, eq } from "drizzle-orm";
import { tasks, type Database } from "@baton/db";
import type { Actor } from "../src/actor.ts";
import { completeTask } from "../src/complete-task.ts";
import { startInstance } from "../src/start-instance.ts";
import { claimTask } from "../src/task-access.ts";
import { prospect, type RuntimeFixture } from "../src/test-support/runtime-fixture.ts";

/**
 * Baton's side of the bench, through the runtime API (no HTTP):
 * - `runLeadsToCompletion`: each client runs whole lead-to-customer
 *   instances: the desk starts it, a rep claims and converts the call-back
 *   and enters the order, shipping claims and ships, the rep holds the
 *   follow-up (1 start, 2 claims, 4 completions per instance);
 * - `completeCallBacks`: only completions: call-backs started and claimed
 *   beforehand, then completed by `clients` at once.
 */
export const COMPLETIONS_PER_LEAD = 4;

/** Runs `count` items with `clients` concurrent loops; answers the seconds it took. */
export async function timedClients(count: number, clients: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return (performance.now() - t0) / 1000;
}

/** The instance's one open task (a test-side lookup: the completer's answer lists only tasks it may see). */
async function openTask(db: Database, instanceId: string, stepId: string): Promise<string> {
  const [task] = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.stepId, stepId), eq(tasks.status, "open")));
  if (!task) throw new Error(`lead-to-customer: no open "${stepId}" task (has the template changed?)`);
  return task.id;
}

type Cast = { dana: Actor; sam: Actor; shay: Actor };
async function cast(fx: RuntimeFixture): Promise<Cast> {
  return { dana: await fx.as("dana"), sam: await fx.as("sam"), shay: await fx.as("shay") };
}

export async function runLeadsToCompletion(fx: RuntimeFixture, count: number, clients: number): Promise<{ seconds: number }> {
  const { dana, sam, shay } = await cast(fx);
  const db = fx.db;
  const seconds = await timedClients(count, clients, async () => {
    const { instanceId } = await startInstance(db, dana, { processKey: "lead-to-customer", data: prospect });
    const callBack = await openTask(db, instanceId, "callBack");
    await claimTask(db, sam, callBack);
    const afterCall = await completeTask(db, sam, { taskId: callBack, data: { outcome: "converted", callNotes: "bench" } });
    const order = afterCall.next.find((t) => t.stepId === "enterOrder")?.id ?? (await openTask(db, instanceId, "enterOrder"));
    await completeTask(db, sam, { taskId: order, data: { orderProduct: "business", quantity: 3, amount: 1500, shippingAddress: "1 Main St" } });
    const ship = await openTask(db, instanceId, "shipOrder");
    await claimTask(db, shay, ship);
    await completeTask(db, shay, { taskId: ship, data: { shippedOn: "2026-11-24", carrier: "dhl", trackingNumber: "JD0001" } });
    const followUp = await openTask(db, instanceId, "followUp");
    const done = await completeTask(db, sam, { taskId: followUp, data: { satisfied: true } });
    if (done.instanceStatus !== "completed") throw new Error(`lead-to-customer ended ${done.instanceStatus}, not completed`);
  });
  return { seconds };
}

/** Starts and claims `count` call-backs (untimed), then times only their completions. */
export async function completeCallBacks(
  fx: RuntimeFixture,
  count: number,
  clients: number,
  around: { before?: () => void | Promise<void>; after?: () => void | Promise<void> } = {},
): Promise<{ seconds: number }> {
  const { dana, sam } = await cast(fx);
  const ids: string[] = [];
  await timedClients(count, Math.min(clients, 8), async () => {
    const { instanceId } = await startInstance(fx.db, dana, { processKey: "lead-to-customer", data: prospect });
    const id = await openTask(fx.db, instanceId, "callBack");
    await claimTask(fx.db, sam, id);
    ids.push(id);
  });
  await around.before?.();
  const seconds = await timedClients(ids.length, clients, async (i) => {
    await completeTask(fx.db, sam, { taskId: ids[i]!, data: { outcome: "converted", callNotes: "bench" } });
  });
  await around.after?.();
  return { seconds };
}
