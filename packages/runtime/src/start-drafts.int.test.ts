import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { instances, startDrafts, testDatabaseTargets } from "@baton/db";
import type { Actor } from "./actor.ts";
import type { UserError } from "./errors.ts";
import { discardStartDraft, getStartDraft, saveStartDraft } from "./start-drafts.ts";
import { START_POINTS, startInstance } from "./start-instance.ts";
import { claimTask, getTask } from "./task-access.ts";
import { saveTaskDraft } from "./task-drafts.ts";
import { inbox } from "./task-views.ts";
import { describeOnEachDatabase, failAt } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const codeOf = (error: unknown) => (error as UserError).code;
const KEY = "credit-application";

/** A complete, valid start of templates/credit-application (started by the sales group). */
const application = {
  applicantName: "Katherine Johnson",
  email: "katherine@example.com",
  product: "car",
  amount: 18500,
  termMonths: 60,
  category: "standard",
};

describeOnEachDatabase("start-form drafts", targets, (fx) => {
  let sam: Actor;
  let sara: Actor;
  beforeAll(async () => {
    sam = await fx.as("sam");
    sara = await fx.as("sara");
  });

  /** Sam's draft starts from nothing in every test. */
  async function freshDraft(data: Record<string, unknown>) {
    await fx.db.delete(startDrafts).where(eq(startDrafts.userId, sam.userId));
    return saveStartDraft(fx.db, sam, { processKey: KEY, data, expectedVersion: null });
  }

  const instanceCount = async () => (await fx.db.select({ id: instances.id }).from(instances).where(eq(instances.processKey, KEY))).length;

  it("saves a half-filled form and gives it back, on any device, to its author only", async () => {
    const saved = await freshDraft({ applicantName: "Ada" });
    expect(saved.version).toBe(1);
    const next = await saveStartDraft(fx.db, sam, { processKey: KEY, data: { applicantName: "Ada Lovelace", amount: 900 }, expectedVersion: 1 });
    expect(next.version).toBe(2);
    expect(await getStartDraft(fx.db, sam, KEY)).toEqual({ data: { applicantName: "Ada Lovelace", amount: 900 }, version: 2, updatedAt: next.updatedAt });
    // Sara may start the same process; Sam's draft is not hers.
    expect(await getStartDraft(fx.db, sara, KEY)).toBeNull();
  });

  it("refuses a save from a stale window and keeps the newer draft", async () => {
    await freshDraft({ applicantName: "tab A" });
    await saveStartDraft(fx.db, sam, { processKey: KEY, data: { applicantName: "tab B" }, expectedVersion: 1 });
    const stale = await saveStartDraft(fx.db, sam, { processKey: KEY, data: { applicantName: "tab A again" }, expectedVersion: 1 }).catch((e) => e);
    expect(codeOf(stale)).toBe("CONFLICT");
    expect((stale as Error).message).toMatch(/changed in another window \(draft version 2, saved .*\)\. Nothing was overwritten/);
    // A second window that loaded no draft cannot create one over the existing draft either.
    expect(codeOf(await saveStartDraft(fx.db, sam, { processKey: KEY, data: {}, expectedVersion: null }).catch((e) => e))).toBe("CONFLICT");
    expect(await getStartDraft(fx.db, sam, KEY)).toMatchObject({ version: 2, data: { applicantName: "tab B" } });
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    await freshDraft({ applicantName: "v1" });
    const results = await Promise.allSettled([
      saveStartDraft(fx.db, sam, { processKey: KEY, data: { applicantName: "left" }, expectedVersion: 1 }),
      saveStartDraft(fx.db, sam, { processKey: KEY, data: { applicantName: "right" }, expectedVersion: 1 }),
    ]);
    const won = results.findIndex((r) => r.status === "fulfilled");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(codeOf((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toBe("CONFLICT");
    expect(await getStartDraft(fx.db, sam, KEY)).toMatchObject({ version: 2, data: { applicantName: won === 0 ? "left" : "right" } });
  });

  it("never stores the values of fields the form's rules hide", async () => {
    await freshDraft({ category: "standard", benefits: ["lounge"], homeAirport: "BER", applicantName: "Ada" });
    expect((await getStartDraft(fx.db, sam, KEY))!.data).toEqual({ category: "standard", applicantName: "Ada" });
    await saveStartDraft(fx.db, sam, { processKey: KEY, data: { category: "gold", benefits: ["concierge"], homeAirport: "BER" }, expectedVersion: 1 });
    // Gold shows the benefits; the home airport only with the lounge.
    expect((await getStartDraft(fx.db, sam, KEY))!.data).toEqual({ category: "gold", benefits: ["concierge"] });
  });

  it("refuses data that is not an object of field values, or too large, saying what is wrong", async () => {
    await freshDraft({ applicantName: "kept" });
    const save = (data: unknown) =>
      saveStartDraft(fx.db, sam, { processKey: KEY, data, expectedVersion: 1 }).then(
        () => {
          throw new Error("the save succeeded");
        },
        (e: unknown) => e as UserError,
      );
    const list = await save(["a"]);
    expect([list.code, list.message]).toEqual(["INVALID_INPUT", 'A draft of the start form of "Credit application" must be an object of field values, not a list.']);
    expect((await save("text")).message).toMatch(/not string\.$/);
    const large = await save({ purpose: "x".repeat(300 * 1024) });
    expect([large.code, large.message]).toEqual(["INVALID_INPUT", 'A draft of the start form of "Credit application" may hold at most 256 KB; this one has 301 KB.']);
    expect(await getStartDraft(fx.db, sam, KEY)).toMatchObject({ version: 1, data: { applicantName: "kept" } });
  });

  it("is only for processes the user may start", async () => {
    const dana = await fx.as("dana"); // service desk: credit applications are started by sales
    expect(codeOf(await getStartDraft(fx.db, dana, KEY).catch((e) => e))).toBe("FORBIDDEN");
    expect(codeOf(await saveStartDraft(fx.db, dana, { processKey: KEY, data: {}, expectedVersion: null }).catch((e) => e))).toBe("FORBIDDEN");
    expect(codeOf(await discardStartDraft(fx.db, dana, { processKey: KEY, expectedVersion: 1 }).catch((e) => e))).toBe("FORBIDDEN");
    expect(codeOf(await getStartDraft(fx.db, sam, "no-such-process").catch((e) => e))).toBe("NOT_FOUND");
    const stored = await fx.db.select().from(startDrafts).where(eq(startDrafts.userId, dana.userId));
    expect(stored).toEqual([]);
  });

  it("discards the draft the window knows, but not a newer one saved elsewhere", async () => {
    await freshDraft({ applicantName: "v1" });
    await saveStartDraft(fx.db, sam, { processKey: KEY, data: { applicantName: "v2" }, expectedVersion: 1 });
    const stale = await discardStartDraft(fx.db, sam, { processKey: KEY, expectedVersion: 1 }).catch((e) => e);
    expect(codeOf(stale)).toBe("CONFLICT");
    expect((stale as Error).message).toMatch(/Nothing was discarded/);
    expect(await getStartDraft(fx.db, sam, KEY)).toMatchObject({ version: 2 });
    expect(await discardStartDraft(fx.db, sam, { processKey: KEY, expectedVersion: 2 })).toEqual({ discarded: true });
    expect(await getStartDraft(fx.db, sam, KEY)).toBeNull();
    expect(await discardStartDraft(fx.db, sam, { processKey: KEY, expectedVersion: 2 })).toEqual({ discarded: false });
  });

  it("deletes the starter's draft when the process starts, and nobody else's", async () => {
    await freshDraft({ applicantName: "half" });
    await fx.db.delete(startDrafts).where(eq(startDrafts.userId, sara.userId));
    await saveStartDraft(fx.db, sara, { processKey: KEY, data: { applicantName: "Sara's" }, expectedVersion: null });
    await startInstance(fx.db, sam, { processKey: KEY, data: application });
    expect(await getStartDraft(fx.db, sam, KEY)).toBeNull();
    expect(await getStartDraft(fx.db, sara, KEY)).toMatchObject({ data: { applicantName: "Sara's" } });
    // A save from a window that still has the old version is refused: the draft was used up.
    const late = await saveStartDraft(fx.db, sam, { processKey: KEY, data: { applicantName: "late" }, expectedVersion: 1 }).catch((e) => e);
    expect((late as Error).message).toMatch(/removed in another window/);
  });

  it("keeps the draft when the start is refused for invalid data", async () => {
    await freshDraft({ applicantName: "half" });
    const before = await instanceCount();
    expect(codeOf(await startInstance(fx.db, sam, { processKey: KEY, data: { ...application, amount: 10 } }).catch((e) => e))).toBe("INVALID_DATA");
    expect(await getStartDraft(fx.db, sam, KEY)).toMatchObject({ data: { applicantName: "half" } });
    expect(await instanceCount()).toBe(before);
  });

  it.each(START_POINTS)("rolls the start and the draft's removal back together when a failure strikes at %s", async (point) => {
    await freshDraft({ applicantName: "half" });
    const before = await instanceCount();
    const { reached, checkpoint } = failAt(point);
    const error = await startInstance(fx.db, sam, { processKey: KEY, data: application }, { checkpoint }).catch((e) => e);
    expect((error as Error).message).toBe(`injected failure at ${point}`);
    expect(reached.at(-1)).toBe(point);
    expect(await instanceCount()).toBe(before);
    const [draft] = await fx.db.select().from(startDrafts).where(and(eq(startDrafts.userId, sam.userId), eq(startDrafts.processKey, KEY)));
    expect(draft).toMatchObject({ version: 1, data: { applicantName: "half" } });
  });

  it("keeps hidden fields' values out of task drafts too, reading the instance's variables", async () => {
    const started = await startInstance(fx.db, sam, { processKey: KEY, data: application });
    const dana = await fx.as("dana");
    const check = (await inbox(fx.db, dana)).groupQueue.find((t) => t.instanceId === started.instanceId && t.stepId === "securityCheck")!;
    await claimTask(fx.db, dana, check.id);
    await saveTaskDraft(fx.db, dana, { taskId: check.id, data: { securityOutcome: "clear", securityNotes: "typed before switching" }, expectedVersion: null });
    expect((await getTask(fx.db, dana, check.id)).draft!.data).toEqual({ securityOutcome: "clear" });
    const list = await saveTaskDraft(fx.db, dana, { taskId: check.id, data: [], expectedVersion: 1 }).catch((e) => e);
    expect([codeOf(list), (list as Error).message]).toEqual(["INVALID_INPUT", "A task draft must be an object of field values, not a list."]);
  });
});
