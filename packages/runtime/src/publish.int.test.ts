import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { testDatabaseTargets } from "@baton/db";
import { eq } from "drizzle-orm";
import { processDrafts } from "@baton/db";
import { getDraft, listProcesses, saveDraft } from "./drafts.ts";
import type { UserError } from "./errors.ts";
import { getVersion, publishDefinition, publishDraft } from "./publish.ts";
import { describeOnEachDatabase, templatesDir } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const template = () => JSON.parse(readFileSync(join(templatesDir, "lead-to-customer", "process.json"), "utf8"));

describeOnEachDatabase("publishing and drafts", targets, (fx) => {

  it("does not create a new version for identical content, and numbers changes monotonically", async () => {
    const ana = await fx.as("ana");
    const same = await publishDefinition(fx.db, ana, template());
    expect(same).toMatchObject({ version: 1, created: false });
    const changed = { ...template(), description: "Now with a better description" };
    const v2 = await publishDefinition(fx.db, ana, changed);
    expect(v2).toMatchObject({ version: 2, created: true });
    expect(v2.hash).not.toBe(same.hash);
    const sealed = await getVersion(fx.db, ana, "lead-to-customer", 2);
    expect(sealed.bpmnXml).toContain('<bpmn:process id="lead-to-customer"');
    expect(sealed.bpmnXml).toContain("Now with a better description");
  });

  it("lists each draft's error count, counted when it was saved", async () => {
    const ana = await fx.as("ana");
    const draft = await getDraft(fx.db, ana, "lead-to-customer");
    const broken = structuredClone(draft.definition);
    broken.connections = broken.connections.filter((c) => c.id !== "c-order-ship");
    const saved = await saveDraft(fx.db, ana, { key: draft.key, expectedVersion: draft.version, definition: broken });
    const [row] = await fx.db.select({ errorCount: processDrafts.errorCount }).from(processDrafts).where(eq(processDrafts.key, draft.key));
    expect(row!.errorCount).toBeGreaterThan(0);
    const listed = (await listProcesses(fx.db, ana)).find((p) => p.key === draft.key)!;
    expect(listed.problemCount).toBe(row!.errorCount);
    await saveDraft(fx.db, ana, { key: draft.key, expectedVersion: saved.version, definition: draft.definition });
    expect((await listProcesses(fx.db, ana)).find((p) => p.key === draft.key)!.problemCount).toBe(0);
  });

  it("refuses to publish an invalid process and lists every problem", async () => {
    const broken = template();
    broken.connections = broken.connections.filter((c: { id: string }) => c.id !== "c-order-ship");
    const error = (await publishDefinition(fx.db, await fx.as("ana"), broken).catch((e) => e)) as UserError;
    expect(error.code).toBe("INVALID_PROCESS");
    expect(error.problems!.length).toBeGreaterThan(0);
    expect(error.problems!.some((p) => p.stepId === "enterOrder" || p.stepId === "shipOrder")).toBe(true);
  });

  it("refuses a stale studio save and keeps the newer draft", async () => {
    const ana = await fx.as("ana");
    const admin = await fx.as("admin");
    const draft = await getDraft(fx.db, ana, "lead-to-customer");
    await saveDraft(fx.db, admin, { key: draft.key, expectedVersion: draft.version, definition: { ...draft.definition, name: "Lead to customer (admin)" } });
    const stale = await saveDraft(fx.db, ana, { key: draft.key, expectedVersion: draft.version, definition: { ...draft.definition, name: "Lead (ana)" } }).catch((e) => e);
    expect((stale as UserError).code).toBe("CONFLICT");
    expect((await getDraft(fx.db, ana, draft.key)).definition.name).toBe("Lead to customer (admin)");
  });

  it("keeps participants out of the studio", async () => {
    const sam = await fx.as("sam");
    expect(((await getDraft(fx.db, sam, "lead-to-customer").catch((e) => e)) as UserError).code).toBe("FORBIDDEN");
    expect(((await publishDraft(fx.db, sam, "lead-to-customer").catch((e) => e)) as UserError).code).toBe("FORBIDDEN");
  });
});
