import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, publishDefinition } from "@baton/runtime";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `portal.reassign`: the assignee hands a task to another user; an admin to a user or a group's queue. */
const { db, callerAs } = seededRouter();

describe("portal.reassign", () => {
  beforeAll(async () => {
    await publishDefinition(db(), await loadActor(db(), { username: "ana" }), {
      schemaVersion: 1,
      key: "call-desk",
      name: "Call desk",
      steps: [
        { id: "start", kind: "start", name: "Start", position: { x: 0, y: 0 }, starters: [] },
        { id: "call", kind: "userTask", name: "Call the customer", position: { x: 100, y: 0 }, assignment: { type: "group", group: "sales" }, form: { schemaVersion: 1, blocks: [] } },
        { id: "done", kind: "end", name: "Done", position: { x: 300, y: 0 } },
      ],
      connections: [
        { id: "c1", source: "start", target: "call" },
        { id: "c2", source: "call", target: "done" },
      ],
    });
  });

  /** A call task claimed by sam. */
  async function samsTask() {
    const { instanceId } = await (await callerAs("dana")).portal.start({ processKey: "call-desk", data: {} });
    const sam = await callerAs("sam");
    const taskId = (await sam.portal.inbox()).groupQueue.find((t) => t.instanceId === instanceId)!.id;
    await sam.portal.claim({ taskId });
    return { sam, taskId };
  }

  it("hands the assignee's task to another user, who finds it in their inbox and under the bell", async () => {
    const { sam, taskId } = await samsTask();
    expect((await sam.portal.task({ taskId })).task.canHandOver).toBe(true);

    const handed = await sam.portal.reassign({ taskId, to: { user: "sara" }, note: "Please take over" });
    expect(handed).toMatchObject({ id: taskId, assignee: { username: "sara", displayName: "Sara Sales" }, candidateGroup: { key: "sales" }, canComplete: false, canHandOver: false });

    const sara = await callerAs("sara");
    expect((await sara.portal.inbox()).assigned.map((t) => t.id)).toContain(taskId);
    const { items } = await sara.notifications.list();
    expect(items[0]).toMatchObject({ kind: "assignment", subject: 'Sam Sales handed "Call the customer" to you', message: "Please take over", link: { to: "task", id: taskId } });
    const details = await sara.portal.instance({ instanceId: handed.instanceId });
    expect(details.audit).toContainEqual(
      expect.objectContaining({ type: "task.reassigned", taskId, data: expect.objectContaining({ by: "sam", from: { assignee: "sam", candidateGroup: "sales" }, to: { assignee: "sara", candidateGroup: "sales" } }) }),
    );
  });

  it("lets an admin put a task into a group's queue, and refuses that to a participant", async () => {
    const { sam, taskId } = await samsTask();
    const refused = await errorOf(sam.portal.reassign({ taskId, to: { group: "shipping" } }));
    expect(refused.code).toBe("FORBIDDEN");

    const admin = await callerAs("admin");
    const moved = await admin.portal.reassign({ taskId, to: { group: "shipping" } });
    expect(moved).toMatchObject({ assignee: null, candidateGroup: { key: "shipping" } });
    expect((await (await callerAs("shay")).portal.inbox()).groupQueue.map((t) => t.id)).toContain(taskId);
  });

  it("answers bad targets and bad input with a reason", async () => {
    const { sam, taskId } = await samsTask();
    const unknown = await errorOf(sam.portal.reassign({ taskId, to: { user: "nobody" } }));
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.message).toBe('"Call the customer" cannot be handed to "nobody": there is no such user in Baton.');

    const both = await errorOf(sam.portal.reassign({ taskId, to: { user: "sara", group: "sales" } as { user: string } }));
    expect(both.code).toBe("BAD_REQUEST");
    const long = await errorOf(sam.portal.reassign({ taskId, to: { user: "sara" }, note: "x".repeat(1001) }));
    expect(long.code).toBe("BAD_REQUEST");
    expect((await sam.portal.task({ taskId })).task.assignee?.username).toBe("sam");

    expect((await errorOf((await callerAs(null)).portal.reassign({ taskId, to: { user: "sara" } }))).code).toBe("UNAUTHORIZED");
  });
});
