import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { formBlocks, testDatabaseTargets } from "@baton/db";
import { formBlockDocumentSchema, insertFormBlock, validateFormBlock, type FormDefinition } from "@baton/model";
import { getDraft, saveDraft } from "./drafts.ts";
import type { UserError } from "./errors.ts";
import { followFormBlockInDraft, formBlockUsage, getFormBlock, listFormBlocks, saveFormBlock } from "./form-blocks.ts";
import { publishDefinition } from "./publish.ts";
import { seedDemo } from "./seed.ts";
import { describeOnEachDatabase, templatesDir } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const codeOf = async (promise: Promise<unknown>) => ((await promise.catch((e) => e)) as UserError).code;
const shipped = (key: string) => formBlockDocumentSchema.parse(JSON.parse(readFileSync(join(templatesDir, "form-blocks", key, "block.json"), "utf8")));
const fax = { id: "f-fax", type: "phone" as const, key: "contactFax", label: "Fax", required: false };

describeOnEachDatabase("form blocks", targets, (fx) => {
  it("ships the seeded blocks, valid, to everyone signed in, and does not seed them again", async () => {
    const listed = await listFormBlocks(fx.db, await fx.as("sam"));
    expect(listed.map((b) => [b.key, b.version, b.createdBy])).toEqual([
      ["applicant", 1, "admin"],
      ["approval-decision-with-comment", 1, "admin"],
      ["customer-contact", 1, "admin"],
      ["shipping-address", 1, "admin"],
    ]);
    for (const b of listed) {
      expect(b.block).toEqual(shipped(b.key));
      expect(validateFormBlock(b.block)).toEqual([]);
    }
    const ana = await fx.as("ana");
    await saveFormBlock(fx.db, ana, { ...shipped("applicant"), name: "Applicant (edited)", expectedVersion: 1 });
    const before = await fx.db.select().from(formBlocks);
    expect((await seedDemo(fx.db, templatesDir)).formBlocksCreated).toEqual([]);
    expect(await fx.db.select().from(formBlocks)).toEqual(before);
    expect((await getFormBlock(fx.db, ana, "applicant")).name).toBe("Applicant (edited)");
  });

  it("saves versions optimistically, refuses stale, duplicate, invalid and participant saves", async () => {
    const [ana, admin, sam] = [await fx.as("ana"), await fx.as("admin"), await fx.as("sam")];
    const contact = shipped("customer-contact");
    expect(await saveFormBlock(fx.db, admin, { ...contact, blocks: [...contact.blocks, fax], expectedVersion: 1 })).toMatchObject({ version: 2 });
    const stale = (await saveFormBlock(fx.db, ana, { ...contact, expectedVersion: 1 }).catch((e) => e)) as UserError;
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/now version 2, you started from version 1/);
    expect(await codeOf(saveFormBlock(fx.db, ana, { ...contact, expectedVersion: null }))).toBe("CONFLICT");
    expect(await codeOf(saveFormBlock(fx.db, ana, { ...contact, key: "never", expectedVersion: 3 }))).toBe("NOT_FOUND");
    const invalid = (await saveFormBlock(fx.db, ana, { key: "empty", name: "Empty", blocks: [], expectedVersion: null }).catch((e) => e)) as UserError;
    expect(invalid.code).toBe("INVALID_PROCESS");
    expect(invalid.problems?.[0]?.path).toEqual(["blocks"]);
    expect(await codeOf(saveFormBlock(fx.db, sam, { ...contact, expectedVersion: 2 }))).toBe("FORBIDDEN");
    expect((await getFormBlock(fx.db, sam, "customer-contact", 1)).block.blocks).toHaveLength(4);
    expect(await codeOf(getFormBlock(fx.db, sam, "customer-contact", 9))).toBe("NOT_FOUND");

    const results = await Promise.allSettled([
      saveFormBlock(fx.db, ana, { ...contact, expectedVersion: 2 }),
      saveFormBlock(fx.db, admin, { ...contact, expectedVersion: 2 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("traces drafts and published versions using a block, and follows the latest in a draft", async () => {
    const ana = await fx.as("ana");
    const v1 = await getFormBlock(fx.db, ana, "customer-contact", 1);
    const draft = await getDraft(fx.db, ana, "lead-to-customer");
    const stepIndex = draft.definition.steps.findIndex((s) => s.kind === "userTask");
    const step = draft.definition.steps[stepIndex]!;
    const form = insertFormBlock((step as { form: FormDefinition }).form, v1.block, 1);
    const definition = { ...draft.definition, steps: draft.definition.steps.map((s, i) => (i === stepIndex ? { ...s, form } : s)) };
    const published = await publishDefinition(fx.db, ana, definition);
    const saved = await saveDraft(fx.db, ana, { key: draft.key, expectedVersion: draft.version, definition });
    const use = { stepId: step.id, sectionId: "customer-contact_1", version: 1 };
    expect(await formBlockUsage(fx.db, ana, "customer-contact")).toEqual({
      drafts: [{ processKey: "lead-to-customer", name: "Lead to customer", draftVersion: saved.version, uses: [use] }],
      published: [{ processKey: "lead-to-customer", name: "Lead to customer", version: published.version, uses: [use] }],
    });
    expect(await codeOf(formBlockUsage(fx.db, await fx.as("sam"), "customer-contact"))).toBe("FORBIDDEN");

    const follow = { processKey: "lead-to-customer", stepId: step.id, sectionId: "customer-contact_1" };
    expect(await codeOf(followFormBlockInDraft(fx.db, ana, { ...follow, draftVersion: saved.version - 1 }))).toBe("CONFLICT");
    const latest = await getFormBlock(fx.db, ana, "customer-contact");
    const followed = await followFormBlockInDraft(fx.db, ana, { ...follow, draftVersion: saved.version });
    expect(followed).toMatchObject({ draftVersion: saved.version + 1, key: "customer-contact", blockVersion: latest.version });
    const usage = await formBlockUsage(fx.db, ana, "customer-contact");
    expect(usage.drafts[0]!.uses).toEqual([{ ...use, version: latest.version }]);
    expect(usage.published[0]!.uses).toEqual([use]);
    const after = await getDraft(fx.db, ana, "lead-to-customer");
    expect(JSON.stringify(after.definition.steps[stepIndex])).toContain(`"block":{"key":"customer-contact","version":${latest.version}}`);
  });
});
