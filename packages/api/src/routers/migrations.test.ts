import { describe, expect, it } from "vitest";
import type { ProcessDefinitionInput } from "@baton/model";
import { loadActor, publishDefinition } from "@baton/runtime";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `migrations.*`: an admin moves running instances to a new version; nobody else may. */
const { db, callerAs } = seededRouter();

const at = { x: 0, y: 0 };
const form = { schemaVersion: 1 as const, blocks: [] };
const sam = { type: "user" as const, user: "sam" };
function ticket(steps: { id: string; name: string }[]): ProcessDefinitionInput {
  const ids = ["start", ...steps.map((s) => s.id), "done"];
  return {
    schemaVersion: 1,
    key: "mig-ticket",
    name: "Ticket",
    steps: [
      { id: "start", kind: "start", name: "Ticket", position: at, starters: [] },
      ...steps.map((s) => ({ id: s.id, kind: "userTask" as const, name: s.name, position: at, assignment: sam, form })),
      { id: "done", kind: "end", name: "Done", position: at },
    ],
    connections: ids.slice(1).map((target, i) => ({ id: `c${i}`, source: ids[i]!, target })),
  };
}

describe("migrations router", () => {
  it("proposes, checks without writing, and migrates; the migrated task continues on the new version", async () => {
    const ana = await loadActor(db(), { username: "ana" });
    await publishDefinition(db(), ana, ticket([{ id: "sort", name: "Sort" }]));
    const dana = await callerAs("dana");
    const first = await dana.portal.start({ processKey: "mig-ticket", data: {} });
    const second = await dana.portal.start({ processKey: "mig-ticket", data: {} });
    await publishDefinition(db(), ana, ticket([{ id: "triage", name: "Triage" }, { id: "review", name: "Review" }]));
    const admin = await callerAs("admin");

    const proposal = await admin.migrations.propose({ processKey: "mig-ticket", fromVersion: 1, toVersion: 2 });
    expect(proposal.choices).toEqual([expect.objectContaining({ stepId: "sort", activeInstances: 2, options: [{ id: "triage", name: "Triage" }, { id: "review", name: "Review" }] })]);
    expect(proposal.instances.map((i) => [i.id, i.activeSteps])).toEqual([
      [first.instanceId, [{ stepId: "sort", name: "Sort" }]],
      [second.instanceId, [{ stepId: "sort", name: "Sort" }]],
    ]);

    const request = { processKey: "mig-ticket", fromVersion: 1, toVersion: 2, instanceIds: [first.instanceId], mapping: { sort: "triage" } };
    const dry = await admin.migrations.check(request);
    expect(dry).toMatchObject({ dryRun: true, results: [{ instanceId: first.instanceId, outcome: "checked", moves: [{ from: "sort", to: "triage" }] }] });
    expect((await admin.portal.instance({ instanceId: first.instanceId })).version).toBe(1);

    const done = await admin.migrations.run(request);
    expect(done.results).toEqual([expect.objectContaining({ instanceId: first.instanceId, outcome: "migrated" })]);
    const samCaller = await callerAs("sam");
    const inbox = (await samCaller.portal.inbox()).assigned;
    const moved = inbox.find((t) => t.instanceId === first.instanceId)!;
    expect(moved.name).toBe("Triage");
    expect(inbox.find((t) => t.instanceId === second.instanceId)?.name).toBe("Sort");
    await samCaller.portal.complete({ taskId: moved.id, data: {} });
    const after = (await samCaller.portal.inbox()).assigned;
    expect(after.filter((t) => t.instanceId === first.instanceId).map((t) => t.name)).toEqual(["Review"]);
  });

  it("is for admins only, and refuses bad input with the reason", async () => {
    for (const who of ["ana", "dana"]) {
      const caller = await callerAs(who);
      expect((await errorOf(caller.migrations.propose({ processKey: "mig-ticket", fromVersion: 1, toVersion: 2 }))).code).toBe("FORBIDDEN");
      expect((await errorOf(caller.migrations.run({ processKey: "mig-ticket", fromVersion: 1, toVersion: 2, all: true }))).code).toBe("FORBIDDEN");
    }
    expect((await errorOf((await callerAs(null)).migrations.check({ processKey: "mig-ticket", fromVersion: 1, toVersion: 2, all: true }))).code).toBe("UNAUTHORIZED");
    const admin = await callerAs("admin");
    expect((await errorOf(admin.migrations.check({ processKey: "mig-ticket", fromVersion: 0, toVersion: 2, all: true }))).code).toBe("BAD_REQUEST");
    const badMap = await errorOf(admin.migrations.check({ processKey: "mig-ticket", fromVersion: 1, toVersion: 2, all: true, mapping: { sort: "nowhere" } }));
    expect(badMap.message).toMatch(/"sort" is mapped to "nowhere", which the target version does not have/);
  });
});
