import { TRPCError } from "@trpc/server";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@baton/db";
import { blockFromSelection } from "@baton/model";
import { loadActor, seedDemo } from "@baton/runtime";
import type { Context } from "../context.ts";
import { appRouter } from "../root.ts";

/** The blocks procedures as the server calls them, with the codes API.md promises. */
let handle: DatabaseHandle;
const templatesDir = fileURLToPath(new URL("../../../../templates", import.meta.url));

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  await seedDemo(handle.db, templatesDir);
});
afterAll(async () => handle?.close());

const callerAs = async (username: string | null) =>
  appRouter.createCaller({
    db: handle.db,
    actor: username ? await loadActor(handle.db, { username }) : null,
    now: () => new Date(),
    mail: null,
    session: { token: undefined, set: () => {}, clear: () => {} },
    clientAddress: "127.0.0.1",
  } satisfies Context);

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => new Error("the call succeeded"),
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("blocks router", () => {
  it("saves, lists, gets and traces a block for an analyst", async () => {
    const ana = await callerAs("ana");
    const draft = await ana.studio.draft({ key: "lead-to-customer" });
    const fragment = blockFromSelection(draft.definition, ["callBack", "outcomeDecision", "notInterested"]);
    const input = { key: "call-back", name: "Call back until decided", ...fragment };
    expect(await ana.blocks.save({ ...input, expectedVersion: null })).toMatchObject({ key: "call-back", version: 1 });
    expect(await ana.blocks.save({ ...input, description: "Now described", expectedVersion: 1 })).toMatchObject({ version: 2 });

    const listed = (await ana.blocks.list()).find((b) => b.key === "call-back");
    expect(listed).toMatchObject({ key: "call-back", version: 2, description: "Now described", usedBy: 0, createdBy: "ana" });
    expect(listed?.block.steps.map((s) => s.id)).toEqual(["callBack", "outcomeDecision", "notInterested"]);
    expect((await ana.blocks.get({ key: "call-back", version: 1 })).description).toBe("");
    expect(await ana.blocks.usage({ key: "call-back" })).toEqual({ drafts: [], published: [] });

    expect((await errorOf(ana.blocks.save({ ...input, expectedVersion: 1 }))).code).toBe("CONFLICT");
    expect((await errorOf(ana.blocks.get({ key: "nope" }))).code).toBe("NOT_FOUND");
    const invalid = await errorOf(ana.blocks.save({ ...input, key: "empty", steps: [], expectedVersion: null }));
    expect(invalid.code).toBe("BAD_REQUEST");
    expect((invalid.cause as { problems?: unknown[] }).problems).toEqual([expect.objectContaining({ path: ["steps"] })]);
  });

  it("keeps participants and anonymous callers out", async () => {
    for (const [who, code] of [
      ["sam", "FORBIDDEN"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      const c = await callerAs(who);
      for (const call of [
        c.blocks.list(),
        c.blocks.get({ key: "call-back" }),
        c.blocks.usage({ key: "call-back" }),
        c.blocks.save({ key: "x-y", name: "X", steps: [], connections: [], expectedVersion: null }),
      ]) {
        expect((await errorOf(call)).code).toBe(code);
      }
    }
  });
});
