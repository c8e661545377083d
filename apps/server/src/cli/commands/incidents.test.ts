import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batonCli } from "../test-support/baton-cli.ts";

/** `baton retry` and `baton skip` as an admin's scripts use them (see cli.test.ts). */
const { dataDir, baton } = batonCli("baton-incidents-cli-");

/** A lookup whose address needs the customer number: started without one, it stops before calling. */
const lookup = {
  schemaVersion: 1,
  key: "lookup",
  name: "Lookup",
  steps: [
    { id: "start", kind: "start", name: "Start", position: { x: 0, y: 0 }, form: { schemaVersion: 1, blocks: [{ id: "f-c", type: "text", key: "customer", label: "Customer" }] } },
    { id: "fetch", kind: "serviceCall", name: "Fetch customer", position: { x: 100, y: 0 }, request: { method: "GET", url: "http://127.0.0.1:9/customers/{{customer}}" }, outputs: [{ from: "response.body.name", to: "name" }] },
    { id: "done", kind: "end", name: "Done", position: { x: 200, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "fetch" },
    { id: "c2", source: "fetch", target: "done" },
  ],
};

describe("baton retry / baton skip", () => {
  it("lets an admin retry an incident with corrected variables, or skip a stuck service call", async () => {
    expect((await baton("seed")).code).toBe(0);
    const file = join(dataDir, "lookup.json");
    writeFileSync(file, JSON.stringify(lookup));
    expect((await baton("publish", file)).json).toMatchObject({ processKey: "lookup", version: 1 });

    const stuck = async () => {
      const { instanceId } = (await baton("start", "lookup", "--as", "dana", "--data", "{}")).json;
      const details = (await baton("instance", instanceId)).json;
      expect(details.status).toBe("incident");
      expect(details.incidents).toEqual([expect.objectContaining({ stepId: "fetch", code: "expression.error", message: expect.stringContaining("the URL names {{customer}}, which has no value") })]);
      return { instanceId: instanceId as string, incidentId: details.incidents[0].id as string };
    };

    const first = await stuck();
    expect((await baton("retry", first.instanceId, first.incidentId, "--as", "sam")).json.error.code).toBe("FORBIDDEN");
    const bad = await baton("retry", first.instanceId, first.incidentId, "--data", "[1]");
    expect(bad.code).toBe(1);
    expect(bad.json.error.code).toBe("USAGE");
    // Corrected, the call is built and left to the job worker.
    expect((await baton("retry", first.instanceId, first.incidentId, "--data", '{"customer":"C-17"}')).json).toEqual({ instanceId: first.instanceId, status: "running" });
    const retried = (await baton("instance", first.instanceId)).json;
    expect(retried.variables).toEqual({ customer: "C-17" });
    expect(retried.incidents).toEqual([]);

    const second = await stuck();
    expect((await baton("skip", second.instanceId, second.incidentId, "--data", '{"name":"unknown"}')).json).toEqual({ instanceId: second.instanceId, status: "completed" });
    const skipped = (await baton("instance", second.instanceId)).json;
    expect(skipped.variables).toEqual({ name: "unknown" });
    expect(skipped.audit.map((a: { type: string }) => a.type)).toEqual(expect.arrayContaining(["incident.raised", "incident.skipped", "instance.completed"]));
  }, 300_000);
});
