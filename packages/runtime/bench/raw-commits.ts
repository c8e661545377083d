import { sql } from "drizzle-orm";
import pg from "pg";
import type { Database } from "@baton/db";

/**
 * The floor to compare with: one-row INSERT transactions (BEGIN, INSERT,
 * COMMIT: three round trips, like a minimal completion's transaction) from
 * Node, `clients` connections at once, for `seconds`. On PostgreSQL each
 * client is a `pg` connection of its own; PGlite has one connection, so
 * its clients queue through drizzle's transactions.
 */
export async function rawPostgresCommits(url: string, clients: number, seconds: number): Promise<number> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query("create table if not exists bench_commits (id bigserial primary key, v int not null, at timestamptz not null default now())");
  await setup.end();
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  let commits = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    connections.map(async (client, i) => {
      while (performance.now() < until) {
        await client.query("begin");
        await client.query("insert into bench_commits (v) values ($1)", [i]);
        await client.query("commit");
        commits += 1;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  await Promise.all(connections.map((c) => c.end()));
  return commits / elapsed;
}

export async function rawDrizzleCommits(db: Database, clients: number, seconds: number): Promise<number> {
  await db.execute(sql`create table if not exists bench_commits (id bigserial primary key, v int not null, at timestamptz not null default now())`);
  let commits = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (performance.now() < until) {
        await db.transaction((tx) => tx.execute(sql`insert into bench_commits (v) values (${i})`));
        commits += 1;
      }
    }),
  );
  return commits / ((performance.now() - t0) / 1000);
}
