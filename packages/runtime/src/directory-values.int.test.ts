import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { instances, testDatabaseTargets, users } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import type { Actor } from "./actor.ts";
import { completeTask } from "./complete-task.ts";
import { ensureUser } from "./directory.ts";
import type { UserError } from "./errors.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask } from "./task-access.ts";
import { inbox } from "./task-views.ts";
import { describeOnEachDatabase, snapshotInstance } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

/** Start names an owner and a team; the review task names a reviewer. */
const handover: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "handover",
  name: "Handover",
  steps: [
    {
      id: "start",
      kind: "start",
      name: "Hand over",
      position: { x: 0, y: 0 },
      starters: [],
      form: {
        schemaVersion: 1,
        blocks: [
          { id: "f-subject", type: "text", key: "subject", label: "Subject", required: true },
          { id: "f-owner", type: "user", key: "owner", label: "Owner", required: true },
          { id: "f-team", type: "group", key: "team", label: "Team" },
        ],
      },
    },
    {
      id: "review",
      kind: "userTask",
      name: "Review",
      position: { x: 200, y: 0 },
      assignment: { type: "group", group: "sales" },
      form: { schemaVersion: 1, blocks: [{ id: "f-reviewer", type: "user", key: "reviewer", label: "Reviewer", required: true }] },
    },
    { id: "done", kind: "end", name: "Done", position: { x: 400, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "review" },
    { id: "c2", source: "review", target: "done" },
  ],
};

describeOnEachDatabase("user and group pickers name someone in the directory", targets, (fx) => {
  let dana: Actor;
  let sam: Actor;
  beforeAll(async () => {
    await publishDefinition(fx.db, await fx.as("ana"), handover);
    dana = await fx.as("dana");
    sam = await fx.as("sam");
    await ensureUser(fx.db, { username: "gone", displayName: "Gone Away", role: "participant", password: "gone-demo", groups: [] });
    await fx.db.update(users).set({ disabled: true }).where(eq(users.username, "gone"));
  });

  it("refuses a start naming an unknown user, a disabled user or an unknown group, and stores nothing", async () => {
    const before = (await fx.db.select().from(instances)).length;
    const unknown = (await startInstance(fx.db, dana, { processKey: "handover", data: { subject: "x", owner: "nobody", team: "nowhere" } }).catch((e) => e)) as UserError;
    expect(unknown.code).toBe("INVALID_DATA");
    expect(unknown.fieldErrors).toEqual([
      { path: "/owner", message: 'No user "nobody" in the directory.' },
      { path: "/team", message: 'No group "nowhere" in the directory.' },
    ]);
    const disabled = (await startInstance(fx.db, dana, { processKey: "handover", data: { subject: "x", owner: "gone" } }).catch((e) => e)) as UserError;
    expect(disabled.fieldErrors).toEqual([{ path: "/owner", message: 'The user "gone" is disabled.' }]);
    expect((await inbox(fx.db, sam)).groupQueue.filter((t) => t.name === "Review")).toEqual([]);
    expect((await fx.db.select().from(instances)).length).toBe(before);
  });

  it("accepts existing names, then refuses completing with an unknown reviewer and changes nothing", async () => {
    const started = await startInstance(fx.db, dana, { processKey: "handover", data: { subject: "x", owner: "sam", team: "sales" } });
    const task = (await inbox(fx.db, sam)).groupQueue.find((t) => t.instanceId === started.instanceId)!;
    await claimTask(fx.db, sam, task.id);
    const before = await snapshotInstance(fx.db, started.instanceId);
    const error = (await completeTask(fx.db, sam, { taskId: task.id, data: { reviewer: "ghost" } }).catch((e) => e)) as UserError;
    expect(error.code).toBe("INVALID_DATA");
    expect(error.fieldErrors).toEqual([{ path: "/reviewer", message: 'No user "ghost" in the directory.' }]);
    expect(error.message).toContain('No user "ghost" in the directory.');
    expect(await snapshotInstance(fx.db, started.instanceId)).toEqual(before);
    const done = await completeTask(fx.db, sam, { taskId: task.id, data: { reviewer: "sara" } });
    expect(done.instanceStatus).toBe("completed");
  });
});
