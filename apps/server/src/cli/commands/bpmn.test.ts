import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batonCli, repoRoot } from "../test-support/baton-cli.ts";

/** `baton import-bpmn` and `baton export-bpmn` as scripts use them (see cli.test.ts). */
const { dataDir, baton } = batonCli("baton-bpmn-cli-");
const fixture = join(repoRoot, "packages/model/test-fixtures/bpmn/miwg/reference/C.1.0.bpmn");

describe("baton import-bpmn / export-bpmn", () => {
  it("imports another tool's file with its report, and exports processes back", async () => {
    expect((await baton("seed")).code).toBe(0);
    const imported = await baton("import-bpmn", fixture, "--key", "invoice");
    expect(imported.code).toBe(0);
    expect(imported.json).toMatchObject({ key: "invoice", draftVersion: 1, published: null });
    expect(imported.json.report.imported).toContainEqual(expect.objectContaining({ id: "approveInvoice", kind: "userTask" }));
    expect(imported.json.report.unsupported).toContainEqual(expect.objectContaining({ id: "Approver", type: "bpmn:Lane" }));

    const out = join(dataDir, "lead.bpmn");
    const exported = await baton("export-bpmn", "lead-to-customer", "--version", "1", "--out", out);
    expect(exported.json).toMatchObject({ key: "lead-to-customer", source: "published", version: 1, path: out });
    expect(readFileSync(out, "utf8")).toContain('<bpmn:process id="lead-to-customer" name="Lead to customer"');
    const draft = await baton("export-bpmn", "invoice");
    expect(draft.json.source).toBe("draft");
    expect(draft.json.xml).toContain('<bpmn:userTask id="approveInvoice"');
    expect((await baton("import-bpmn", join(dataDir, "missing.bpmn"))).json.error.code).toBe("USAGE");
  }, 120_000);
});
