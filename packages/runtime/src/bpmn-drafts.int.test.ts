import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { testDatabaseTargets } from "@baton/db";
import { decodeXmlBytes, importBpmn } from "@baton/model";
import { exportProcessBpmn, importBpmnDraft } from "./bpmn-drafts.ts";
import { getDraft } from "./drafts.ts";
import type { UserError } from "./errors.ts";
import { getVersion } from "./publish.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

/** BPMN files through the store: import as a draft, publish when valid, export back. */
const targets = await testDatabaseTargets();
const fixture = (path: string) => decodeXmlBytes(readFileSync(new URL(`../../model/test-fixtures/bpmn/${path}`, import.meta.url)));

describeOnEachDatabase("BPMN import and export", targets, (fx) => {

  it("imports another tool's file as a draft, and refuses to publish it while it has errors", async () => {
    const ana = await fx.as("ana");
    const outcome = await importBpmnDraft(fx.db, ana, { xml: fixture("miwg/reference/C.1.0.bpmn"), publish: true });
    expect(outcome).toMatchObject({ key: "bpmn-miwg-test-case-c-1-0", draftVersion: 1, published: null });
    // Its service task became a service call, which Baton runs, but the file does not say what to call: one error, named.
    expect(outcome.notPublished).toMatch(/1 error to fix/);
    expect(outcome.report.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.stepId])).toEqual([["service.invalid-url", "archiveInvoice"]]);
    expect(outcome.report.unsupported.length).toBeGreaterThan(0);
    const draft = await getDraft(fx.db, ana, outcome.key);
    expect(draft.definition.steps.map((s) => s.id)).toContain("approveInvoice");

    const again = await importBpmnDraft(fx.db, ana, { xml: fixture("miwg/reference/C.1.0.bpmn") });
    expect(again.key).toBe("bpmn-miwg-test-case-c-1-0-2");
    expect(again.report.warnings.at(-1)).toMatch(/is taken; the draft was saved as "bpmn-miwg-test-case-c-1-0-2"/);
  });

  it("publishes an exported process imported under a new key, and exports it back unchanged", async () => {
    const ana = await fx.as("ana");
    const exported = await exportProcessBpmn(fx.db, ana, { key: "lead-to-customer", version: 1 });
    expect(exported).toMatchObject({ source: "published", version: 1, fileName: "lead-to-customer-v1.bpmn" });
    const outcome = await importBpmnDraft(fx.db, ana, { xml: exported.xml, key: "lead-copy", publish: true });
    expect(outcome.report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(outcome.published).toMatchObject({ version: 1, created: true });

    const original = await getVersion(fx.db, ana, "lead-to-customer", 1);
    const copy = await getVersion(fx.db, ana, "lead-copy", 1);
    expect(copy.definition).toEqual({ ...original.definition, key: "lead-copy" });
    const back = await exportProcessBpmn(fx.db, ana, { key: "lead-copy" });
    expect(back.source).toBe("draft");
    expect((await importBpmn(back.xml)).definition).toEqual(copy.definition);
  });

  it("refuses what it cannot take with a clear error, and changes nothing", async () => {
    const ana = await fx.as("ana");
    const broken = (await importBpmnDraft(fx.db, ana, { xml: "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'><bpmn:process id='p'>" }).catch((e) => e)) as UserError;
    expect(broken.code).toBe("INVALID_INPUT");
    expect(broken.message).toMatch(/not well-formed XML/);
    const taken = (await importBpmnDraft(fx.db, ana, { xml: fixture("executable/camunda7-examples__loanApproval.bpmn"), key: "lead-to-customer" }).catch((e) => e)) as UserError;
    expect(taken.code).toBe("CONFLICT");
    expect((await getDraft(fx.db, ana, "lead-to-customer")).definition.name).toBe("Lead to customer");
    expect(((await exportProcessBpmn(fx.db, ana, { key: "no-such-process" }).catch((e) => e)) as UserError).code).toBe("NOT_FOUND");
    const sam = await fx.as("sam");
    expect(((await importBpmnDraft(fx.db, sam, { xml: fixture("executable/camunda7-examples__loanApproval.bpmn") }).catch((e) => e)) as UserError).code).toBe("FORBIDDEN");
    expect(((await exportProcessBpmn(fx.db, sam, { key: "lead-to-customer" }).catch((e) => e)) as UserError).code).toBe("FORBIDDEN");
  });
});
