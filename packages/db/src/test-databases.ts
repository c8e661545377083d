import { randomBytes } from "node:crypto";
import { openDatabase, type DatabaseHandle } from "./client.ts";

/**
 * Databases for integration tests: a fresh in-memory PGlite, and a fresh
 * PostgreSQL database on the server at TEST_DATABASE_URL (default the local
 * 127.0.0.1:5432 trust setup) when it is reachable. Each PostgreSQL test
 * database is created empty and dropped by `close()`.
 */
export type TestDatabaseTarget = {
  name: "pglite" | "postgres";
  /** Why the target is skipped, or null when it runs. */
  skipReason: string | null;
  open: () => Promise<DatabaseHandle>;
};

const defaultAdminUrl = "postgres://postgres@127.0.0.1:5432/test";

export async function testDatabaseTargets(): Promise<TestDatabaseTarget[]> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? defaultAdminUrl;
  const pgSkip = process.env.BATON_SKIP_PG ? "BATON_SKIP_PG is set" : await postgresUnreachable(adminUrl);
  return [
    {
      name: "pglite",
      skipReason: null,
      open: async () => {
        const handle = await openDatabase({ dataDir: "memory://" });
        await handle.migrate();
        return handle;
      },
    },
    { name: "postgres", skipReason: pgSkip, open: () => openFreshPostgres(adminUrl) },
  ];
}

async function postgresUnreachable(adminUrl: string): Promise<string | null> {
  const { Client } = (await import("pg")).default;
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return `PostgreSQL at ${new URL(adminUrl).host} is not reachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A fresh, empty PostgreSQL database on the test server, named at random so
 * test files running in parallel never meet; `drop()` removes it (closing
 * whatever connections are still open). For tests that need the URL itself:
 * child processes, several pools on one database.
 */
export async function createPostgresTestDatabase(adminUrl = process.env.TEST_DATABASE_URL ?? defaultAdminUrl): Promise<{ url: string; drop: () => Promise<void> }> {
  const { Client } = (await import("pg")).default;
  const name = `baton_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      // A pool's end() resolves before its connections have said goodbye:
      // give them a moment, so forcing the drop does not cut them off mid-close.
      for (let i = 0; i < 40; i++) {
        const { rows } = await cleanup.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function openFreshPostgres(adminUrl: string): Promise<DatabaseHandle> {
  const fresh = await createPostgresTestDatabase(adminUrl);
  const handle = await openDatabase({ url: fresh.url, dataDir: "", poolSize: 12 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await fresh.drop();
    },
  };
}
