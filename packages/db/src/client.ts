import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { lockDataDir } from "./data-dir-lock.ts";
import * as schema from "./schema.ts";

/**
 * One way to open Baton's database: a `pg` pool when a URL is given,
 * otherwise embedded PGlite in `dataDir` (created when missing). Both run the
 * same drizzle schema and migrations; `migrate()` brings either up to date.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  kind: "postgres" | "pglite";
  /** Where the data lives, for start-up messages (never the password). */
  location: string;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export type DatabaseConfig = { url?: string | undefined; dataDir: string; poolSize?: number };

const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.url) return openPostgres(config.url, config.poolSize ?? 10);
  return openPglite(config.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const { Pool } = (await import("pg")).default;
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closed (restart, failover) must not crash
  // Baton: the pool drops it and opens a new one on the next query.
  pool.on("error", (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
  const db = drizzle(pool, { schema });
  return {
    db: db as unknown as Database,
    kind: "postgres",
    location: redactUrl(url),
    // Several servers may start at once on a fresh database: one migrates,
    // the others wait on the lock and then find nothing left to do.
    migrate: async () => {
      const lock = await pool.connect();
      try {
        await lock.query("select pg_advisory_lock(hashtext('baton.migrate'))");
        await migrate(db, { migrationsFolder });
      } finally {
        await lock.query("select pg_advisory_unlock(hashtext('baton.migrate'))").catch(() => {});
        lock.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // PGlite does not create the parent folders of its data directory.
  let release = () => {};
  if (dataDir !== "memory://") {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  const client = await PGlite.create(dataDir).catch((error: unknown) => {
    release();
    throw error;
  });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    location: dataDir,
    migrate: () => migrate(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** A round trip to the database, for health checks. */
export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
