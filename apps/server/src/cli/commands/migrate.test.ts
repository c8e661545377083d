import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batonCli } from "../test-support/baton-cli.ts";

/** `baton migrate` as an admin's script uses it: a dry run, then the move, per instance. */
const { dataDir, baton } = batonCli("baton-migrate-cli-");

const at = { x: 0, y: 0 };
const form = { schemaVersion: 1, blocks: [] };
function ticket(tasks: string[]) {
  const ids = ["start", ...tasks, "done"];
  return {
    schemaVersion: 1,
    key: "cli-ticket",
    name: "Ticket",
    steps: [
      { id: "start", kind: "start", name: "Ticket", position: at },
      ...tasks.map((id) => ({ id, kind: "userTask", name: id.toUpperCase(), position: at, assignment: { type: "user", user: "sam" }, form })),
      { id: "done", kind: "end", name: "Done", position: at },
    ],
    connections: ids.slice(1).map((target, i) => ({ id: `c${i}`, source: ids[i], target })),
  };
}

describe("baton migrate", () => {
  it("checks with --dry-run, then migrates the chosen instances with the step mapping", async () => {
    expect((await baton("seed")).code).toBe(0);
    const publish = async (tasks: string[]) => {
      const file = join(dataDir, `ticket-${tasks.join("-")}.json`);
      writeFileSync(file, JSON.stringify(ticket(tasks)));
      return (await baton("publish", file)).json;
    };
    expect(await publish(["sort"])).toMatchObject({ version: 1 });
    const a = (await baton("start", "cli-ticket", "--as", "dana", "--data", "{}")).json.instanceId as string;
    const b = (await baton("start", "cli-ticket", "--as", "dana", "--data", "{}")).json.instanceId as string;
    expect(await publish(["triage", "review"])).toMatchObject({ version: 2 });

    // Without a mapping, "sort" has nowhere to go: refused, exit 1, nothing changed.
    const unmapped = await baton("migrate", "cli-ticket", "--from", "1", "--to", "2", "--all", "--dry-run");
    expect(unmapped.code).toBe(1);
    expect(unmapped.json.results).toEqual([
      expect.objectContaining({ instanceId: a, outcome: "refused", reasons: [expect.stringContaining(`"SORT" (sort) has no step to go to`)] }),
      expect.objectContaining({ instanceId: b, outcome: "refused" }),
    ]);
    const dry = await baton("migrate", "cli-ticket", "--from", "1", "--to", "2", "--all", "--map", "sort=triage", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({ dryRun: true, mapping: { sort: "triage" }, results: [{ outcome: "checked" }, { outcome: "checked" }] });
    expect((await baton("instance", a)).json.version).toBe(1);

    const moved = await baton("migrate", "cli-ticket", "--from", "1", "--to", "2", "--instances", a, "--map", "sort=triage");
    expect(moved.json.results).toEqual([expect.objectContaining({ instanceId: a, outcome: "migrated", moves: [{ from: "sort", to: "triage" }] })]);
    expect((await baton("instance", a)).json).toMatchObject({ version: 2, tasks: [expect.objectContaining({ name: "TRIAGE", status: "open" })] });
    expect((await baton("instance", b)).json.version).toBe(1);

    // Usage mistakes say what is wrong; only admins may.
    expect((await baton("migrate", "cli-ticket", "--from", "1", "--to", "2")).json.error.message).toMatch(/--instances <id,id> or --all/);
    expect((await baton("migrate", "cli-ticket", "--from", "one", "--to", "2", "--all")).json.error.message).toMatch(/--from must be a version number/);
    expect((await baton("migrate", "cli-ticket", "--from", "1", "--to", "2", "--all", "--map", "sort")).json.error.message).toMatch(/--map takes old=new/);
    expect((await baton("migrate", "cli-ticket", "--from", "1", "--to", "2", "--all", "--as", "ana")).json.error.code).toBe("FORBIDDEN");
  }, 300_000);
});
