import { fileURLToPath } from "node:url";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@baton/db";
import { actorForSession, seedDemo } from "@baton/runtime";
import { appRouter } from "../root.ts";

/** `portal.directory`: what a form's pickers offer, to any signed-in user. */
let handle: DatabaseHandle;
const templatesDir = fileURLToPath(new URL("../../../../templates", import.meta.url));

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  await seedDemo(handle.db, templatesDir);
}, 60_000);
afterAll(async () => handle?.close());

async function callerAs(username: string | null) {
  const jar: { token?: string } = {};
  const make = async () =>
    appRouter.createCaller({
      db: handle.db,
      actor: await actorForSession(handle.db, jar.token, new Date()),
      now: () => new Date(),
      mail: null,
      clientAddress: "test",
      session: { token: jar.token, set: (token) => (jar.token = token), clear: () => delete jar.token },
    });
  if (username) await (await make()).auth.login({ username, password: `${username}-demo` });
  return make();
}

describe("portal.directory", () => {
  it("lists active users and the groups, names only, for a participant", async () => {
    await handle.db.execute("update users set disabled = true where username = 'sara'");
    const directory = await (await callerAs("sam")).portal.directory();
    expect(directory.users).toContainEqual({ username: "dana", displayName: "Dana Desk" });
    expect(directory.users.map((u) => u.username)).not.toContain("sara");
    expect(directory.users.every((u) => Object.keys(u).sort().join() === "displayName,username")).toBe(true);
    expect(directory.groups).toContainEqual({ key: "sales", name: "Sales" });
  });

  it("is refused to anonymous callers", async () => {
    const error = await (await callerAs(null)).portal.directory().catch((e: unknown) => e);
    expect(error instanceof TRPCError && error.code).toBe("UNAUTHORIZED");
  });
});
