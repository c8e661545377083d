import { afterAll, beforeAll, expect, it } from "vitest";
import { testDatabaseTargets } from "@baton/db";
import type { ProcessDefinitionInput } from "@baton/model";
import { completeTask } from "./complete-task.ts";
import type { UserError } from "./errors.ts";
import { retryIncident } from "./incident-actions.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { raiseJobIncident } from "./jobs/job-failed.ts";
import { runDueJobs } from "./jobs/worker.ts";
import { listOpenIncidents } from "./open-incidents.ts";
import { processOverview } from "./process-overview.ts";
import { publishDefinition } from "./publish.ts";
import { listPublishers, setPublisher } from "./publish-permissions.ts";
import { startInstance } from "./start-instance.ts";
import { oneTaskProcess } from "./test-support/hand-out-processes.ts";
import { startHttpService, type HttpService } from "./test-support/http-service.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

/** What the admin console reads and decides beyond users: publish grants, per-version counts, open incidents. */
const targets = await testDatabaseTargets();
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UserError);

let service: HttpService;
beforeAll(async () => {
  service = await startHttpService({ status: 400, body: { error: "unknown customer" } });
});
afterAll(async () => service.close());

function pingProcess(url: string): ProcessDefinitionInput {
  return {
    schemaVersion: 1,
    key: "admin-ping",
    name: "Admin ping",
    steps: [
      { id: "start", kind: "start", name: "Start", position: { x: 0, y: 0 }, starters: [] },
      { id: "ping", kind: "serviceCall", name: "Ping the CRM", position: { x: 100, y: 0 }, request: { method: "GET", url }, retries: 0, timeoutSeconds: 5 },
      { id: "done", kind: "end", name: "Done", position: { x: 300, y: 0 } },
    ],
    connections: [
      { id: "c1", source: "start", target: "ping" },
      { id: "c2", source: "ping", target: "done" },
    ],
  };
}

describeOnEachDatabase("admin console", targets, (fx) => {
  it("lets an analyst publish only processes they created or an admin allowed them", async () => {
    const ana = await fx.as("ana");
    const admin = await fx.as("admin");
    // The seed allowed the demo analyst on the templates.
    expect((await listPublishers(fx.db, admin))["support-request"]?.map((p) => p.username)).toEqual(["ana"]);
    // A process ana creates is hers to publish again.
    await publishDefinition(fx.db, ana, oneTaskProcess("ana-own", { type: "user", user: "sam" }));
    expect((await publishDefinition(fx.db, ana, oneTaskProcess("ana-own", { type: "user", user: "sara" }))).version).toBe(2);
    // One an admin created is not, until an admin allows it.
    await publishDefinition(fx.db, admin, oneTaskProcess("admin-own", { type: "user", user: "sam" }));
    const refused = await failure(publishDefinition(fx.db, ana, oneTaskProcess("admin-own", { type: "user", user: "sara" })));
    expect(refused?.code).toBe("FORBIDDEN");
    expect(refused?.message).toMatch(/ask an admin/i);
    await setPublisher(fx.db, admin, { processKey: "admin-own", username: "ana", allowed: true });
    expect((await publishDefinition(fx.db, ana, oneTaskProcess("admin-own", { type: "user", user: "sara" }))).version).toBe(2);
    expect((await listPublishers(fx.db, admin))["admin-own"]).toEqual([expect.objectContaining({ username: "ana", displayName: "Ana Analyst", grantedBy: "admin" })]);
    await setPublisher(fx.db, admin, { processKey: "admin-own", username: "ana", allowed: false });
    expect((await failure(publishDefinition(fx.db, ana, oneTaskProcess("admin-own", { type: "user", user: "dana" }))))?.code).toBe("FORBIDDEN");
    // Only analysts can be allowed; only admins allow; only known processes.
    expect((await failure(setPublisher(fx.db, admin, { processKey: "admin-own", username: "dana", allowed: true })))?.code).toBe("CONFLICT");
    expect((await failure(setPublisher(fx.db, admin, { processKey: "no-such-process", username: "ana", allowed: true })))?.code).toBe("NOT_FOUND");
    expect((await failure(setPublisher(fx.db, ana, { processKey: "admin-own", username: "ana", allowed: true })))?.code).toBe("FORBIDDEN");
    expect((await failure(publishDefinition(fx.db, await fx.as("dana"), oneTaskProcess("dana-own", { type: "user", user: "sam" }))))?.code).toBe("FORBIDDEN");
  });

  it("counts running and finished instances per version", async () => {
    const admin = await fx.as("admin");
    const sam = await fx.as("sam");
    await publishDefinition(fx.db, admin, oneTaskProcess("counted", { type: "user", user: "sam" }));
    const first = await startInstance(fx.db, admin, { processKey: "counted", data: {} });
    await startInstance(fx.db, admin, { processKey: "counted", data: {} });
    await completeTask(fx.db, sam, { taskId: first.tasks[0]!.id, data: {} });
    await publishDefinition(fx.db, admin, oneTaskProcess("counted", { type: "user", user: "sam" }, "Sort it again"));
    await startInstance(fx.db, admin, { processKey: "counted", data: {} });
    const counted = (await processOverview(fx.db, admin)).find((p) => p.key === "counted")!;
    expect(counted.hasDraft).toBe(false);
    expect(counted.versions.map((v) => [v.version, v.running, v.finished, v.publishedBy])).toEqual([
      [2, 1, 0, "admin"],
      [1, 1, 1, "admin"],
    ]);
    const support = (await processOverview(fx.db, admin)).find((p) => p.key === "support-request")!;
    expect(support).toMatchObject({ name: "Support request", hasDraft: true });
    expect((await failure(processOverview(fx.db, await fx.as("ana"))))?.code).toBe("FORBIDDEN");
  });

  it("lists open incidents across instances with their process, version and step, until resolved", async () => {
    const admin = await fx.as("admin");
    await publishDefinition(fx.db, admin, pingProcess(`${service.url}/crm`));
    const { instanceId } = await startInstance(fx.db, admin, { processKey: "admin-ping", data: {} });
    await runDueJobs(fx.db, { handlers: jobHandlers(), onFailed: raiseJobIncident });
    const open = (await listOpenIncidents(fx.db, admin)).filter((i) => i.instanceId === instanceId);
    expect(open).toEqual([
      expect.objectContaining({
        processKey: "admin-ping",
        processName: "Admin ping",
        version: 1,
        stepId: "ping",
        stepName: "Ping the CRM",
        stepKind: "serviceCall",
        code: "service.failed",
        instanceTitle: expect.stringMatching(/^Admin ping #\d+/),
      }),
    ]);
    expect(open[0]!.message).toMatch(/400/);
    await retryIncident(fx.db, admin, { instanceId, incidentId: open[0]!.incidentId });
    expect((await listOpenIncidents(fx.db, admin)).filter((i) => i.instanceId === instanceId)).toEqual([]);
    expect((await failure(listOpenIncidents(fx.db, await fx.as("ana"))))?.code).toBe("FORBIDDEN");
  });
});
