import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { jobHandlers, publishDefinition, loadActor, raiseJobIncident, runDueJobs } from "@baton/runtime";
import { errorOf, seededRouter } from "../test-support/seeded-router.ts";

/** `incidents.*`: an admin retries or skips a service call that gave up; nobody else may. */
const { db, callerAs } = seededRouter();

/** A local port nothing listens on: every call is refused, so the call gives up after its one attempt. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const runJobs = () => runDueJobs(db(), { handlers: jobHandlers(), onFailed: raiseJobIncident });

describe("incidents router", () => {
  beforeAll(async () => {
    const url = `http://127.0.0.1:${await deadPort()}/ping`;
    await publishDefinition(db(), await loadActor(db(), { username: "ana" }), {
      schemaVersion: 1,
      key: "ping",
      name: "Ping",
      steps: [
        { id: "start", kind: "start", name: "Start", position: { x: 0, y: 0 }, starters: [] },
        { id: "ping", kind: "serviceCall", name: "Ping", position: { x: 100, y: 0 }, request: { method: "GET", url }, retries: 0, timeoutSeconds: 5 },
        { id: "check", kind: "userTask", name: "Check", position: { x: 200, y: 0 }, assignment: { type: "user", user: "sam" }, form: { schemaVersion: 1, blocks: [] } },
        { id: "done", kind: "end", name: "Done", position: { x: 300, y: 0 } },
      ],
      connections: [
        { id: "c1", source: "start", target: "ping" },
        { id: "c2", source: "ping", target: "check" },
        { id: "c3", source: "check", target: "done" },
      ],
    });
  });

  /** A ping instance whose call gave up: its open service.failed incident. */
  async function failedPing() {
    const dana = await callerAs("dana");
    const { instanceId } = await dana.portal.start({ processKey: "ping", data: {} });
    await runJobs();
    const admin = await callerAs("admin");
    const details = await admin.portal.instance({ instanceId });
    expect(details.status).toBe("incident");
    const [incident] = details.incidents as { id: string; code: string; message: string }[];
    expect(incident).toMatchObject({ code: "service.failed", message: expect.stringMatching(/^service call "Ping" \(ping\): GET http:\/\/127\.0\.0\.1:\d+\/ping could not be reached: ECONNREFUSED/) });
    return { instanceId, incidentId: incident!.id };
  }

  it("lets an admin retry (the call is made again) and skip (the process goes on with the given values)", async () => {
    const admin = await callerAs("admin");
    const first = await failedPing();
    expect(await admin.incidents.retry(first)).toEqual({ instanceId: first.instanceId, status: "running" });
    expect(await runJobs()).toBe(1);
    const again = (await admin.portal.instance({ instanceId: first.instanceId })).incidents as { id: string; code: string }[];
    expect(again).toEqual([expect.objectContaining({ code: "service.failed" })]);
    expect(again[0]!.id).not.toBe(first.incidentId);

    expect(await admin.incidents.skip({ instanceId: first.instanceId, incidentId: again[0]!.id, variables: { pinged: false } })).toEqual({ instanceId: first.instanceId, status: "running" });
    const skipped = await admin.portal.instance({ instanceId: first.instanceId });
    expect(skipped.variables).toEqual({ pinged: false });
    expect(skipped.tasks.map((t) => [t.name, t.status])).toEqual([["Check", "open"]]);
    expect(skipped.audit.filter((a) => a.type.startsWith("incident.")).map((a) => [a.type, a.actor])).toEqual([
      ["incident.raised", null],
      ["incident.retried", "admin"],
      ["incident.raised", null],
      ["incident.skipped", "admin"],
    ]);
    expect((await errorOf(admin.incidents.skip({ instanceId: first.instanceId, incidentId: again[0]!.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses everyone but admins, and malformed corrections", async () => {
    const target = await failedPing();
    for (const [who, code] of [
      ["sam", "FORBIDDEN"],
      ["ana", "FORBIDDEN"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      const caller = await callerAs(who);
      expect((await errorOf(caller.incidents.retry(target))).code).toBe(code);
      expect((await errorOf(caller.incidents.skip(target))).code).toBe(code);
    }
    const admin = await callerAs("admin");
    const malformed = await errorOf(admin.incidents.retry({ ...target, variables: [1, 2] as unknown as Record<string, unknown> }));
    expect(malformed.code).toBe("BAD_REQUEST");
    expect((await admin.portal.instance({ instanceId: target.instanceId })).status).toBe("incident");
  });
});
