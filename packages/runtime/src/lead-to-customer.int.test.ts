import { expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { notifications, testDatabaseTargets, users } from "@baton/db";
import { completeTask } from "./complete-task.ts";
import { UserError } from "./errors.ts";
import { instanceDetails } from "./instance-details.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask } from "./task-access.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { inbox } from "./task-views.ts";
import { describeOnEachDatabase, prospect } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

describeOnEachDatabase("lead-to-customer end to end", targets, (fx) => {

  it("runs from the start form to the end, with every step stored", async () => {
    const dana = await fx.as("dana");
    const sam = await fx.as("sam");
    const shay = await fx.as("shay");
    const started = await startInstance(fx.db, dana, { processKey: "lead-to-customer", data: prospect });
    expect(started.status).toBe("running");

    // The call-back sits in the sales queue, due today; the desk does not see it.
    const queue = (await inbox(fx.db, sam)).groupQueue.filter((t) => t.instanceId === started.instanceId);
    expect(queue.map((t) => t.name)).toEqual(["Call back the prospect"]);
    expect(queue[0]!.dueAt).toMatch(/T23:59:59\.999Z$/);
    expect((await inbox(fx.db, shay)).groupQueue.some((t) => t.instanceId === started.instanceId)).toBe(false);

    const callBack = await claimTask(fx.db, sam, queue[0]!.id);
    await saveTaskDraft(fx.db, sam, { taskId: callBack.id, data: { outcome: "converted" }, expectedVersion: null });
    const afterCall = await completeTask(fx.db, sam, { taskId: callBack.id, data: { outcome: "converted", callNotes: "Wants 3 seats" } });
    const order = afterCall.next.find((t) => t.name === "Enter the order")!;
    expect(order.assignee?.username).toBe("sam"); // the rep who converted the lead

    const afterOrder = await completeTask(fx.db, sam, {
      taskId: order.id,
      data: { orderProduct: "business", quantity: 3, amount: 1500, shippingAddress: "1 Main St" },
    });
    expect(afterOrder.next).toEqual([]); // shipping's task is not Sam's to see
    const ship = (await inbox(fx.db, shay)).groupQueue.find((t) => t.instanceId === started.instanceId)!;
    await claimTask(fx.db, shay, ship.id);
    await completeTask(fx.db, shay, { taskId: ship.id, data: { shippedOn: "2026-11-24", carrier: "dhl", trackingNumber: "JD0001" } });
    // Shipping heard of the order, and the rep of the shipment.
    const alerts = await fx.db
      .select({ user: users.username, subject: notifications.subject })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.instanceId, started.instanceId))
      .orderBy(notifications.createdAt, users.username);
    expect(alerts).toEqual([
      { user: "shay", subject: "New order to ship for Grace Hopper" },
      { user: "sam", subject: "The order for Grace Hopper was shipped" },
    ]);

    const followUp = (await inbox(fx.db, sam)).assigned.find((t) => t.instanceId === started.instanceId)!;
    expect(followUp.name).toBe("Follow-up conversation");
    const done = await completeTask(fx.db, sam, { taskId: followUp.id, data: { satisfied: true } });
    expect(done.instanceStatus).toBe("completed");

    const details = await instanceDetails(fx.db, await fx.as("admin"), started.instanceId);
    expect(details.status).toBe("completed");
    expect(details.variables).toMatchObject({ ...prospect, outcome: "converted", salesRep: "sam", quantity: 3, trackingNumber: "JD0001", satisfied: true });
    expect(details.audit.map((a) => a.type)).toEqual(
      expect.arrayContaining(["instance.started", "task.claimed", "task.completed", "decision.taken", "instance.completed"]),
    );
  });

  it("loops back to the call-back when the prospect wants a call later, and ends on not interested", async () => {
    const sam = await fx.as("sam");
    const started = await startInstance(fx.db, await fx.as("dana"), { processKey: "lead-to-customer", data: prospect });
    const first = (await inbox(fx.db, sam)).groupQueue.find((t) => t.instanceId === started.instanceId)!;
    await claimTask(fx.db, sam, first.id);
    const again = await completeTask(fx.db, sam, { taskId: first.id, data: { outcome: "callAgain", callAgainOn: "2026-12-01" } }, { now: new Date("2026-11-24T10:00:00Z") });
    expect(again.next).toEqual([]); // waiting for the date
    const tick = (at: string) => runDueJobs(fx.db, { handlers: jobHandlers(), now: () => new Date(at) });
    await tick("2026-11-30T23:59:59Z"); // still 30 November (the process runs in UTC)
    expect((await inbox(fx.db, sam)).groupQueue.filter((t) => t.instanceId === started.instanceId)).toEqual([]);
    await tick("2026-12-01T00:00:00Z"); // the morning of the date the rep entered
    const back = (await inbox(fx.db, sam)).groupQueue.filter((t) => t.instanceId === started.instanceId);
    expect(back.map((t) => [t.name, t.candidateGroup?.key])).toEqual([["Call back the prospect", "sales"]]);
    await claimTask(fx.db, sam, back[0]!.id);
    const end = await completeTask(fx.db, sam, { taskId: back[0]!.id, data: { outcome: "notInterested" } });
    expect(end.instanceStatus).toBe("completed");
  });

  it("shows the starter where their request stands, and nobody unrelated anything", async () => {
    const dana = await fx.as("dana");
    const started = await startInstance(fx.db, dana, { processKey: "lead-to-customer", data: prospect });
    const mine = await instanceDetails(fx.db, dana, started.instanceId);
    expect(mine.tasks.map((t) => [t.name, t.candidateGroup?.key, t.canClaim])).toEqual([["Call back the prospect", "sales", false]]);
    expect(mine.variables).toMatchObject(prospect);
    const error = await instanceDetails(fx.db, await fx.as("shay"), started.instanceId).catch((e) => e);
    expect((error as UserError).code).toBe("NOT_FOUND");
  });

  it("lets only the service desk start it", async () => {
    const error = await startInstance(fx.db, await fx.as("shay"), { processKey: "lead-to-customer", data: prospect }).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("FORBIDDEN");
  });

  it("refuses a start form that fails the schema, naming the fields", async () => {
    const error = await startInstance(fx.db, await fx.as("dana"), { processKey: "lead-to-customer", data: { name: "", phone: "call me" } }).catch((e) => e);
    expect((error as UserError).code).toBe("INVALID_DATA");
    const paths = (error as UserError).fieldErrors!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["/name", "/phone", "/product"]));
  });
});
