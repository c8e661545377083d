import { fileURLToPath } from "node:url";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type DatabaseHandle } from "@baton/db";
import { loadActor, seedDemo } from "@baton/runtime";
import type { Context } from "../context.ts";
import { appRouter } from "../root.ts";

const templatesDir = fileURLToPath(new URL("../../../../templates", import.meta.url));

/**
 * For router tests: a fresh in-memory database seeded with the demo users
 * and templates for the test file, and callers signed in as a demo user
 * (null: anonymous), the way the server builds them.
 */
export function seededRouter() {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: "memory://" });
    await handle.migrate();
    await seedDemo(handle.db, templatesDir);
  });
  afterAll(async () => handle?.close());
  const db = () => {
    if (!handle) throw new Error("seededRouter's database is opened in beforeAll");
    return handle.db;
  };
  const callerAs = async (username: string | null) =>
    appRouter.createCaller({
      db: db(),
      actor: username ? await loadActor(db(), { username }) : null,
      now: () => new Date(),
      mail: null,
      session: { token: undefined, set: () => {}, clear: () => {} },
      clientAddress: "127.0.0.1",
    } satisfies Context);
  return { db, callerAs };
}

/** The TRPCError a call fails with (a call that succeeds fails the test). */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => new Error("the call succeeded"),
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}
