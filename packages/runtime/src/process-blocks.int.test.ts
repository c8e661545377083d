import { beforeAll, expect, it } from "vitest";
import { testDatabaseTargets } from "@baton/db";
import { blockFromSelection, insertBlock, type ProcessDefinition } from "@baton/model";
import { getDraft, saveDraft } from "./drafts.ts";
import type { UserError } from "./errors.ts";
import { blockUsage, getBlock, listBlocks, saveBlock } from "./process-blocks.ts";
import { publishDefinition } from "./publish.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const codeOf = async (promise: Promise<unknown>) => ((await promise.catch((e) => e)) as UserError).code;

/**
 * Takes the template's "Ship the order" task out, and the block's copy of
 * it in, wired between the same neighbours (the shipping alert before it,
 * the alert to the rep after it): a valid process built from a block.
 */
function withShippingBlock(definition: ProcessDefinition, block: Parameters<typeof insertBlock>[1], version: number) {
  const { definition: inserted, insertedStepIds } = insertBlock(definition, block, { version, at: { x: 960, y: 260 } });
  const ship = insertedStepIds[0]!;
  return {
    ...inserted,
    steps: inserted.steps.filter((s) => s.id !== "shipOrder"),
    connections: [
      ...inserted.connections.filter((c) => c.source !== "shipOrder" && c.target !== "shipOrder"),
      { id: "c-order-block", source: "alertShipping", target: ship },
      { id: "c-block-followup", source: ship, target: "tellRep" },
    ],
  };
}

describeOnEachDatabase("process blocks", targets, (fx) => {
  let shipping: { key: string; name: string; description: string } & ReturnType<typeof blockFromSelection>;
  beforeAll(async () => {
    const draft = await getDraft(fx.db, await fx.as("ana"), "lead-to-customer");
    shipping = {
      key: "ship-order",
      name: "Ship the order",
      description: "The shipping department sends the order and logs the tracking number.",
      ...blockFromSelection(draft.definition, ["shipOrder"]),
    };
  });

  it("saves a new block as version 1 and lists it with who saved it", async () => {
    const ana = await fx.as("ana");
    const saved = await saveBlock(fx.db, ana, { ...shipping, expectedVersion: null });
    expect(saved).toMatchObject({ key: "ship-order", version: 1 });
    expect(new Date(saved.createdAt).toISOString()).toBe(saved.createdAt);

    const got = await getBlock(fx.db, ana, "ship-order");
    expect(got).toMatchObject({ key: "ship-order", version: 1, name: "Ship the order", createdBy: "ana", createdAt: saved.createdAt });
    expect(got.block).toMatchObject({ schemaVersion: 1, key: "ship-order", steps: [{ id: "shipOrder", position: { x: 0, y: 0 } }] });
    // Next to the blocks the seed shipped (see seed-blocks.int.test.ts).
    const listed = await listBlocks(fx.db, ana);
    expect(listed.filter((b) => b.key === "ship-order")).toEqual([{ ...got, usedBy: 0 }]);
  });

  it("adds a version per save, keeps the old ones, and refuses stale or duplicate saves", async () => {
    const ana = await fx.as("ana");
    const admin = await fx.as("admin");
    const v2 = await saveBlock(fx.db, admin, { ...shipping, name: "Ship and track", expectedVersion: 1 });
    expect(v2.version).toBe(2);

    const stale = saveBlock(fx.db, ana, { ...shipping, name: "Ana's copy", expectedVersion: 1 }).catch((e) => e);
    expect(((await stale) as UserError).code).toBe("CONFLICT");
    expect(((await stale) as UserError).message).toMatch(/now version 2, you started from version 1/);
    const duplicate = (await saveBlock(fx.db, ana, { ...shipping, expectedVersion: null }).catch((e) => e)) as UserError;
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.message).toMatch(/already exists \("Ship and track", version 2\)/);
    expect(await codeOf(saveBlock(fx.db, ana, { ...shipping, key: "never-saved", expectedVersion: 1 }))).toBe("NOT_FOUND");

    expect((await getBlock(fx.db, ana, "ship-order", 1)).name).toBe("Ship the order");
    expect((await getBlock(fx.db, ana, "ship-order")).name).toBe("Ship and track");
    expect((await listBlocks(fx.db, ana)).filter((b) => b.key === "ship-order").map((b) => b.version)).toEqual([2]);
    expect(await codeOf(getBlock(fx.db, ana, "ship-order", 9))).toBe("NOT_FOUND");
  });

  it("lets exactly one of two saves from the same version through", async () => {
    const [ana, admin] = [await fx.as("ana"), await fx.as("admin")];
    const results = await Promise.allSettled([
      saveBlock(fx.db, ana, { ...shipping, expectedVersion: 2 }),
      saveBlock(fx.db, admin, { ...shipping, expectedVersion: 2 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => r.value.version)).toEqual([3]);
    const refused = results.find((r) => r.status === "rejected");
    expect((refused?.reason as UserError).code).toBe("CONFLICT");
  });

  it("refuses an invalid block with every problem, and stores nothing", async () => {
    const ana = await fx.as("ana");
    const draft = await getDraft(fx.db, ana, "lead-to-customer");
    const withStart = blockFromSelection(draft.definition, ["logProspect", "callBack"]);
    const error = (await saveBlock(fx.db, ana, { key: "intake", name: "Intake", ...withStart, expectedVersion: null }).catch((e) => e)) as UserError;
    expect(error.code).toBe("INVALID_PROCESS");
    expect(error.problems).toEqual([expect.objectContaining({ code: "schema.invalid", stepId: "logProspect" })]);
    const badKey = (await saveBlock(fx.db, ana, { ...shipping, key: "Not A Key", expectedVersion: null }).catch((e) => e)) as UserError;
    expect(badKey.problems?.[0]?.path).toEqual(["key"]);
    expect(await codeOf(getBlock(fx.db, ana, "intake"))).toBe("NOT_FOUND");
  });

  it("finds the drafts and published versions built from a block", async () => {
    const ana = await fx.as("ana");
    expect(await blockUsage(fx.db, ana, "ship-order")).toEqual({ drafts: [], published: [] });
    const v1 = await getBlock(fx.db, ana, "ship-order", 1);
    const draft = await getDraft(fx.db, ana, "lead-to-customer");
    const built = withShippingBlock(draft.definition, v1.block, 1);
    expect(built.usedBlocks).toEqual([{ key: "ship-order", version: 1 }]);
    const published = await publishDefinition(fx.db, ana, built);
    // The draft moves on to version 3 of the block as well.
    const again = withShippingBlock(built, (await getBlock(fx.db, ana, "ship-order", 3)).block, 3);
    await saveDraft(fx.db, ana, { key: draft.key, expectedVersion: draft.version, definition: again });

    expect(await blockUsage(fx.db, ana, "ship-order")).toEqual({
      drafts: [{ processKey: "lead-to-customer", name: "Lead to customer", blockVersions: [1, 3] }],
      published: [{ processKey: "lead-to-customer", name: "Lead to customer", version: published.version, blockVersions: [1] }],
    });
    expect((await listBlocks(fx.db, ana)).find((b) => b.key === "ship-order")?.usedBy).toBe(1);
    expect(await blockUsage(fx.db, ana, "other")).toEqual({ drafts: [], published: [] });
  });

  it("keeps participants out of the block library", async () => {
    const sam = await fx.as("sam");
    expect(await codeOf(listBlocks(fx.db, sam))).toBe("FORBIDDEN");
    expect(await codeOf(getBlock(fx.db, sam, "ship-order"))).toBe("FORBIDDEN");
    expect(await codeOf(saveBlock(fx.db, sam, { ...shipping, expectedVersion: 3 }))).toBe("FORBIDDEN");
    expect(await codeOf(blockUsage(fx.db, sam, "ship-order"))).toBe("FORBIDDEN");
  });
});
