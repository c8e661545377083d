import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { openDatabase, type DatabaseHandle } from "@baton/db";
import { createApiToken, loadActor, seedDemo } from "@baton/runtime";
import { readEnv } from "./env.ts";
import { buildHttpServer, SESSION_COOKIE } from "./http-server.ts";

/**
 * The HTTP door, driven as a browser would: sign-in cookie, tRPC calls,
 * and the error answers for bad input (what and where, never a stack).
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
const env = readEnv({ ...process.env, BATON_LOG_LEVEL: "silent" });

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  await seedDemo(handle.db, env.templatesDir);
  app = await buildHttpServer(handle.db, env);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

async function signIn(username: string, password: string) {
  const res = await app.inject({ method: "POST", url: "/trpc/auth.login", payload: { username, password } });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return { res, cookie: cookie ? `${SESSION_COOKIE}=${cookie.value}` : "" };
}

const call = (cookie: string, method: "GET" | "POST", path: string, input?: unknown) =>
  app.inject({
    method,
    url: method === "GET" ? `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}` : `/trpc/${path}`,
    headers: { cookie, "content-type": "application/json" },
    payload: method === "POST" ? JSON.stringify(input ?? {}) : undefined,
  });

describe("HTTP server", () => {
  it("answers /healthz", async () => {
    const res = await app.inject({ url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it("signs in with an httpOnly SameSite cookie and knows who is asking", async () => {
    const { res, cookie } = await signIn("sam", "sam-demo");
    expect(res.statusCode).toBe(200);
    const raw = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(raw.httpOnly).toBe(true);
    expect(raw.sameSite).toBe("Lax");
    const me = await call(cookie, "GET", "auth.me");
    expect(me.json().result.data).toMatchObject({ username: "sam", role: "participant", groups: [{ key: "sales" }] });
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const { res } = await signIn("sam", "nope");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe("Wrong user name or password.");
  });

  it("asks anonymous callers to sign in", async () => {
    const res = await call("", "GET", "portal.inbox");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.data.baton.code).toBe("UNAUTHENTICATED");
  });

  it("keeps participants out of the studio", async () => {
    const { cookie } = await signIn("sam", "sam-demo");
    const res = await call(cookie, "GET", "studio.processes");
    expect(res.statusCode).toBe(403);
  });

  it("names the field of a malformed request and leaks no stack", async () => {
    const { cookie } = await signIn("dana", "dana-demo");
    const res = await call(cookie, "POST", "portal.start", { processKey: "lead-to-customer", data: "not an object" });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.data.baton.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/"data"/);
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("maps invalid form data to field errors", async () => {
    const { cookie } = await signIn("dana", "dana-demo");
    const res = await call(cookie, "POST", "portal.start", { processKey: "lead-to-customer", data: { name: "Ada" } });
    expect(res.statusCode).toBe(400);
    const baton = res.json().error.data.baton;
    expect(baton.code).toBe("INVALID_DATA");
    expect(baton.fieldErrors.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(["/phone", "/product"]));
  });

  it("refuses malformed JSON and oversized requests with a clear answer", async () => {
    const { cookie } = await signIn("dana", "dana-demo");
    const malformed = await app.inject({ method: "POST", url: "/trpc/portal.start", headers: { cookie, "content-type": "application/json" }, payload: "{not json" });
    expect(malformed.statusCode).toBe(400);
    const huge = await call(cookie, "POST", "portal.start", { processKey: "lead-to-customer", data: { notes: "x".repeat(2 * 1024 * 1024) } });
    expect(huge.statusCode).toBe(413);
  });

  it("throttles password guessing for a user name, even with the right password afterwards", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn("sara", `guess-${i}`)).res.statusCode).toBe(401);
    const blocked = await signIn("sara", "sara-demo");
    expect(blocked.res.statusCode).toBe(401);
    expect(blocked.res.json().error.message).toMatch(/Too many failed sign-ins/);
  });

  it("refuses cross-origin mutations", async () => {
    const res = await app.inject({ method: "POST", url: "/trpc/auth.login", headers: { origin: "https://evil.example", host: "localhost" }, payload: { username: "sam", password: "sam-demo" } });
    expect(res.statusCode).toBe(403);
  });

  it("answers an unknown task as not found", async () => {
    const { cookie } = await signIn("sam", "sam-demo");
    const res = await call(cookie, "GET", "portal.task", { taskId: "00000000-0000-4000-8000-000000000000" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/was not found/);
  });
});

describe("API tokens instead of a session", () => {
  const withToken = (authorization: string, path: string, input?: unknown, cookie = "") =>
    app.inject({ url: `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, headers: { authorization, cookie } });
  const tokenOf = async (username: string) => (await createApiToken(handle.db, await loadActor(handle.db, { username: "admin" }), { username, name: "HTTP test" })).secret;

  it("answers tRPC calls with a bearer token as its user, with that user's rights only", async () => {
    const secret = await tokenOf("sam");
    const me = await withToken(`Bearer ${secret}`, "auth.me");
    expect(me.statusCode).toBe(200);
    expect(me.json().result.data).toMatchObject({ username: "sam", role: "participant" });
    expect((await withToken(`Bearer ${secret}`, "admin.people")).statusCode).toBe(403);
    // No more tokens made with a token.
    const more = await app.inject({ method: "POST", url: "/trpc/apiTokens.create", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, payload: { username: "sam", name: "More" } });
    expect(more.statusCode).toBe(403);
    expect(more.json().error.message).toMatch(/made by a signed-in person/);
  });

  it("refuses a bad token with 401 and the reason, even beside a valid session cookie", async () => {
    const { cookie } = await signIn("admin", "admin-demo");
    const res = await withToken("Bearer baton_guessed", "auth.me", undefined, cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.data.baton).toEqual({ code: "UNAUTHENTICATED", message: "This API token is not known to Baton: check that it was copied whole, or ask for a new one." });
    const attachment = await app.inject({ url: "/api/attachments/7f1c7a51-8a9e-4f3a-9d55-1c2b7d7a0c11", headers: { authorization: "Bearer baton_guessed", cookie } });
    expect(attachment.statusCode).toBe(401);
    expect(attachment.json().error.code).toBe("UNAUTHENTICATED");
  });
});

describe("serving the apps", () => {
  it("serves the portal and studio pages, deep links included, and 404s missing assets", async () => {
    for (const url of ["/portal/", "/portal/tasks/123", "/studio/processes/lead-to-customer"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
    }
    expect((await app.inject({ url: "/portal/assets/missing.js" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/" })).headers.location).toBe("/portal/");
  });
});
