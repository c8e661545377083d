import { TRPCError } from "@trpc/server";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@baton/db";
import { actorForSession, seedDemo } from "@baton/runtime";
import type { Context } from "./context.ts";
import { appRouter } from "./root.ts";

/**
 * The routers as the server calls them: every procedure checks who is
 * asking, and runtime errors arrive as the tRPC code API.md promises.
 */
let handle: DatabaseHandle;
const templatesDir = fileURLToPath(new URL("../../../templates", import.meta.url));

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  await seedDemo(handle.db, templatesDir);
});
afterAll(async () => handle?.close());

/** A caller with a cookie jar of one session token. */
function browser() {
  const jar: { token?: string } = {};
  const caller = async () => {
    const ctx: Context = {
      db: handle.db,
      actor: await actorForSession(handle.db, jar.token, new Date()),
      now: () => new Date(),
      mail: null,
      clientAddress: "test",
      session: { token: jar.token, set: (token) => (jar.token = token), clear: () => delete jar.token },
    };
    return appRouter.createCaller(ctx);
  };
  return { jar, caller };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
}

describe("app router", () => {
  it("signs in, knows who is asking, and signs out", async () => {
    const { jar, caller } = browser();
    expect(await (await caller()).auth.me()).toBeNull();
    const me = await (await caller()).auth.login({ username: "ana", password: "ana-demo" });
    expect(me).toMatchObject({ username: "ana", role: "analyst", groups: [{ key: "analysts", name: "Analysts" }] });
    expect(jar.token).toBeTruthy();
    expect((await (await caller()).auth.me())?.username).toBe("ana");
    await (await caller()).auth.logout();
    expect(jar.token).toBeUndefined();
    expect(await (await caller()).auth.me()).toBeNull();
  });

  it("answers anonymous calls with UNAUTHORIZED and a wrong password likewise", async () => {
    const { caller } = browser();
    expect(await codeOf((await caller()).portal.inbox())).toBe("UNAUTHORIZED");
    expect(await codeOf((await caller()).studio.processes())).toBe("UNAUTHORIZED");
    expect(await codeOf((await caller()).auth.login({ username: "ana", password: "wrong" }))).toBe("UNAUTHORIZED");
  });

  it("keeps participants out of every studio procedure", async () => {
    const { caller } = browser();
    await (await caller()).auth.login({ username: "sam", password: "sam-demo" });
    const c = await caller();
    for (const call of [c.studio.processes(), c.studio.draft({ key: "lead-to-customer" }), c.studio.publish({ key: "lead-to-customer" }), c.studio.directory()]) {
      expect(await codeOf(call)).toBe("FORBIDDEN");
    }
  });

  it("maps runtime errors to the promised codes", async () => {
    const { caller } = browser();
    await (await caller()).auth.login({ username: "dana", password: "dana-demo" });
    const c = await caller();
    expect(await codeOf(c.portal.start({ processKey: "nope", data: {} }))).toBe("NOT_FOUND");
    expect(await codeOf(c.portal.start({ processKey: "lead-to-customer", data: { name: "" } }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.portal.task({ taskId: "x" }))).toBe("NOT_FOUND");
  });

  it("lets an analyst read drafts, validate, and refuses a stale save", async () => {
    const { caller } = browser();
    await (await caller()).auth.login({ username: "ana", password: "ana-demo" });
    const c = await caller();
    const draft = await c.studio.draft({ key: "lead-to-customer" });
    expect((await c.studio.validate({ definition: draft.definition })).problems.filter((p) => p.severity === "error")).toEqual([]);
    await c.studio.saveDraft({ key: draft.key, expectedVersion: draft.version, definition: draft.definition });
    expect(await codeOf(c.studio.saveDraft({ key: draft.key, expectedVersion: draft.version, definition: draft.definition }))).toBe("CONFLICT");
    expect((await c.studio.versions({ key: draft.key }))[0]?.version).toBe(1);
  });
});
