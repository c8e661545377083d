import type { Database } from "@baton/db";

type Prepared<T> = { execute(values: Record<string, unknown>): Promise<T> };

/**
 * A hot query of fixed shape, built once per database connection instead
 * of at every use (drizzle spends more time building a query than sending
 * it). It is drizzle's prepared query, its values `sql.placeholder`s; such
 * a query runs on the connection of the session it was made on, so it is
 * kept per connection — the `client` of the transaction's session — and
 * used only by transactions on that same connection. node-postgres pool
 * connections outlive transactions, so after the first use each is a hit.
 * PGlite's transaction objects do not outlive a transaction: there the
 * query is simply built each time, as without this. The statement stays
 * unnamed (drizzle's name ""): the server keeps nothing for it, as before,
 * so a connection pooler in front of PostgreSQL sees no difference.
 */
/** For drizzle's `.prepare()`: an unnamed statement. */
export const UNNAMED = "";

const byConnection = new WeakMap<object, Map<string, Prepared<unknown>>>();

/** `key` names the query's shape; `prepare` builds it with drizzle's `.prepare(UNNAMED)`. */
export function reusedQuery<T>(tx: Database, key: string, prepare: () => Prepared<T>): Prepared<T> {
  const connection = (tx._.session as unknown as { client?: object }).client;
  if (!connection) return prepare();
  let queries = byConnection.get(connection);
  if (!queries) byConnection.set(connection, (queries = new Map()));
  let query = queries.get(key) as Prepared<T> | undefined;
  if (!query) queries.set(key, (query = prepare()));
  return query;
}
