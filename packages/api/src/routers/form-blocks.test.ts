import { TRPCError } from "@trpc/server";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@baton/db";
import { loadActor, seedDemo } from "@baton/runtime";
import type { Context } from "../context.ts";
import { appRouter } from "../root.ts";

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

describe("formBlocks router", () => {
  it("lists and gets for everyone signed in; saves and traces for analysts", async () => {
    const [ana, sam] = [await callerAs("ana"), await callerAs("sam")];
    expect((await sam.formBlocks.list()).map((b) => b.key)).toContain("applicant");
    const applicant = await sam.formBlocks.get({ key: "applicant" });
    expect(applicant).toMatchObject({ key: "applicant", version: 1 });
    const input = { key: "applicant", name: "Applicant", blocks: applicant.block.blocks };
    expect(await ana.formBlocks.save({ ...input, expectedVersion: 1 })).toMatchObject({ key: "applicant", version: 2 });
    expect((await errorOf(ana.formBlocks.save({ ...input, expectedVersion: 1 }))).code).toBe("CONFLICT");
    expect(await ana.formBlocks.usage({ key: "applicant" })).toEqual({ drafts: [], published: [] });
    const invalid = await errorOf(ana.formBlocks.save({ ...input, key: "empty", blocks: [], expectedVersion: null }));
    expect(invalid.code).toBe("BAD_REQUEST");
    expect((await errorOf(ana.formBlocks.get({ key: "nope" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(ana.formBlocks.follow({ processKey: "lead-to-customer", draftVersion: 1, stepId: "callBack", sectionId: "none" }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("keeps participants from saving and anonymous callers out", async () => {
    const sam = await callerAs("sam");
    expect((await errorOf(sam.formBlocks.save({ key: "applicant", name: "A", blocks: [], expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    expect((await errorOf(sam.formBlocks.usage({ key: "applicant" }))).code).toBe("FORBIDDEN");
    const anonymous = await callerAs(null);
    expect((await errorOf(anonymous.formBlocks.list())).code).toBe("UNAUTHORIZED");
  });
});
