import { expect, it } from "vitest";
import { testDatabaseTargets } from "@baton/db";
import { completeTask } from "./complete-task.ts";
import { UserError } from "./errors.ts";
import { instanceDetails } from "./instance-details.ts";
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
    const again = await completeTask(fx.db, sam, { taskId: first.id, data: { outcome: "callAgain", callAgainOn: "2026-12-01" } });
    expect(again.next).toHaveLength(1);
    expect(again.next[0]!.candidateGroup?.key).toBe("sales");
    await claimTask(fx.db, sam, again.next[0]!.id);
    const end = await completeTask(fx.db, sam, { taskId: again.next[0]!.id, data: { outcome: "notInterested" } });
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
