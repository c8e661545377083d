import { afterAll, beforeAll } from "vitest";
import type { FastifyInstance } from "fastify";
import { openDatabase, type Database, type DatabaseHandle } from "@baton/db";
import { seedDemo } from "@baton/runtime";
import { readEnv } from "../env.ts";
import { buildHttpServer, SESSION_COOKIE } from "../http-server.ts";

/**
 * For HTTP tests: the server on a fresh in-memory database seeded with the
 * demo users and templates (plus what `setup` adds), driven by fastify
 * inject, and a demo user's session cookie as a browser would hold it.
 */
export function seededServer(setup?: (db: Database) => Promise<void>) {
  const env = readEnv({ ...process.env, BATON_LOG_LEVEL: "silent" });
  const fx = {} as { handle: DatabaseHandle; app: FastifyInstance };
  beforeAll(async () => {
    fx.handle = await openDatabase({ dataDir: "memory://" });
    await fx.handle.migrate();
    await seedDemo(fx.handle.db, env.templatesDir);
    await setup?.(fx.handle.db);
    fx.app = await buildHttpServer(fx.handle.db, env);
  }, 60_000);
  afterAll(async () => {
    await fx.app?.close();
    await fx.handle?.close();
  });
  const cookieOf = async (username: string): Promise<string> => {
    const res = await fx.app.inject({ method: "POST", url: "/trpc/auth.login", payload: { username, password: `${username}-demo` } });
    return `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  };
  return { app: () => fx.app, db: () => fx.handle.db, cookieOf };
}
