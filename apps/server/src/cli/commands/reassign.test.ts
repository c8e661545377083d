import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batonCli } from "../test-support/baton-cli.ts";

/** `baton reassign` as an admin's or a participant's script uses it (see cli.test.ts). */
const { dataDir, baton } = batonCli("baton-reassign-cli-");

/** A call for the sales group, handed out by round robin (sam first: the members in name order). */
const callDesk = {
  schemaVersion: 1,
  key: "call-desk",
  name: "Call desk",
  steps: [
    { id: "start", kind: "start", name: "Start", position: { x: 0, y: 0 } },
    { id: "call", kind: "userTask", name: "Call the customer", position: { x: 100, y: 0 }, assignment: { type: "group", group: "sales", strategy: "roundRobin" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "done", kind: "end", name: "Done", position: { x: 300, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "call" },
    { id: "c2", source: "call", target: "done" },
  ],
};

describe("baton reassign", () => {
  it("hands a task to a user or, as an admin, to a group's queue; refuses bad targets with exit code 1", async () => {
    expect((await baton("seed")).code).toBe(0);
    const file = join(dataDir, "call-desk.json");
    writeFileSync(file, JSON.stringify(callDesk));
    expect((await baton("publish", file)).code).toBe(0);
    const { instanceId } = (await baton("start", "call-desk", "--as", "dana")).json;
    const call = (await baton("tasks", "--as", "sam")).json.assigned.find((t: { instanceId: string }) => t.instanceId === instanceId);
    expect(call).toMatchObject({ name: "Call the customer", candidateGroup: { key: "sales" } });

    const handed = await baton("reassign", call.id, "--to", "sara", "--as", "sam", "--note", "Off today");
    expect(handed.code).toBe(0);
    expect(handed.json).toMatchObject({ assignee: { username: "sara" }, candidateGroup: { key: "sales" } });

    const unknown = await baton("reassign", call.id, "--to", "nobody", "--as", "sara");
    expect(unknown.code).toBe(1);
    expect(unknown.json.error).toEqual({ code: "INVALID_INPUT", message: '"Call the customer" cannot be handed to "nobody": there is no such user in Baton.' });
    expect((await baton("reassign", call.id, "--to", "group:shipping", "--as", "sara")).json.error.code).toBe("FORBIDDEN");
    expect((await baton("reassign", call.id, "--as", "sara")).json.error.code).toBe("USAGE");

    const queued = await baton("reassign", call.id, "--to", "group:shipping", "--as", "admin");
    expect(queued.json).toMatchObject({ assignee: null, candidateGroup: { key: "shipping" } });

    const audit = (await baton("instance", instanceId)).json.audit as { type: string; data: Record<string, unknown> }[];
    expect(audit.filter((a) => a.type.startsWith("task.") && a.type !== "task.created")).toEqual([
      expect.objectContaining({ type: "task.assigned", data: expect.objectContaining({ assignee: "sam", strategy: "roundRobin" }) }),
      expect.objectContaining({ type: "task.reassigned", data: expect.objectContaining({ by: "sam", to: { assignee: "sara", candidateGroup: "sales" }, note: "Off today" }) }),
      expect.objectContaining({ type: "task.reassigned", data: expect.objectContaining({ by: "admin", to: { assignee: null, candidateGroup: "shipping" } }) }),
    ]);
  });
});
