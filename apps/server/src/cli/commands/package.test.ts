import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batonCli } from "../test-support/baton-cli.ts";

/** `baton package export` on one Baton and `baton package import` on another, as an admin's scripts use them. */
const from = batonCli("baton-package-from-");
const to = batonCli("baton-package-to-");

const desk = (taskName: string) => ({
  schemaVersion: 1,
  key: "desk-move",
  name: "Desk move",
  steps: [
    { id: "start", kind: "start", name: "Start", position: { x: 0, y: 0 } },
    { id: "pack", kind: "userTask", name: taskName, position: { x: 100, y: 0 }, assignment: { type: "user", user: "sam" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "done", kind: "end", name: "Done", position: { x: 200, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "pack" },
    { id: "c2", source: "pack", target: "done" },
  ],
});

describe("baton package export / import", () => {
  it("moves a version between two Batons, and refuses a file edited on the way", async () => {
    expect((await from.baton("seed")).code).toBe(0);
    expect((await to.baton("seed")).code).toBe(0);
    const process = join(from.dataDir, "desk.json");
    writeFileSync(process, JSON.stringify(desk("Pack the boxes")));
    expect((await from.baton("publish", process)).json).toMatchObject({ version: 1 });
    writeFileSync(process, JSON.stringify(desk("Pack and label the boxes")));
    expect((await from.baton("publish", process, "--label", "Labels", "--note", "Boxes get labels.")).json).toMatchObject({ version: 2 });

    const file = join(from.dataDir, "desk-v1.baton.json");
    const exported = await from.baton("package", "export", "desk-move", "--version", "1", "-o", file);
    expect(exported.json).toMatchObject({ processKey: "desk-move", version: 1, path: file });
    const latest = join(from.dataDir, "desk-latest.baton.json");
    expect((await from.baton("package", "export", "desk-move", "--out", latest)).json).toMatchObject({ version: 2 });
    expect(JSON.parse(readFileSync(latest, "utf8"))).toMatchObject({ label: "Labels", releaseNote: "Boxes get labels." });

    expect((await to.baton("package", "import", file)).json).toMatchObject({ processKey: "desk-move", version: 1, created: true, fileVersion: 1 });
    expect((await to.baton("package", "import", file)).json).toMatchObject({ version: 1, created: false });

    const edited = JSON.parse(readFileSync(latest, "utf8"));
    edited.definition.steps[1].assignment.user = "sara";
    const tampered = join(from.dataDir, "tampered.baton.json");
    writeFileSync(tampered, JSON.stringify(edited));
    const refused = await to.baton("package", "import", tampered);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("changed after it was exported") });
    expect((await to.baton("package", "import", latest)).json).toMatchObject({ version: 2, created: true });

    expect((await from.baton("package", "export", "desk-move")).json.error).toMatchObject({ code: "USAGE", message: expect.stringContaining("-o <file.json>") });
    expect((await from.baton("package", "unpack", "x")).json.error.code).toBe("USAGE");
    expect((await from.baton("package", "export", "desk-move", "--version", "two", "-o", file)).json.error.message).toMatch(/--version must be a version number/);
  }, 300_000);
});
