import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { groups, testDatabaseTargets, type Database } from "@baton/db";
import { reusedQuery, UNNAMED } from "./reused-query.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

describeOnEachDatabase("a hot query built once per connection", targets, (fx) => {
  const nameByKey = (tx: Database) => reusedQuery(tx, "group-name-by-key", () => tx.select({ name: groups.name }).from(groups).where(eq(groups.key, sql.placeholder("key"))).prepare(UNNAMED));
  const connectionOf = (tx: Database) => (tx._.session as unknown as { client: object }).client;

  it("answers each use, in any transaction and at the same time, with its own values; one connection keeps one query", async () => {
    const keys = Array.from({ length: 6 }, (_, i) => `reused-${i}`);
    await fx.db.insert(groups).values(keys.map((key) => ({ key, name: `Name of ${key}` })));
    const seen: { connection: object; query: unknown }[] = [];
    for (const key of keys.slice(0, 3)) {
      const name = await fx.db.transaction(async (tx) => {
        const query = nameByKey(tx);
        seen.push({ connection: connectionOf(tx), query });
        return (await query.execute({ key }))[0]?.name;
      });
      expect(name).toBe(`Name of ${key}`);
    }
    for (const a of seen) for (const b of seen) if (a.connection === b.connection) expect(a.query).toBe(b.query);
    const together = await Promise.all(keys.map((key) => fx.db.transaction(async (tx) => (await nameByKey(tx).execute({ key }))[0]?.name)));
    expect(together).toEqual(keys.map((key) => `Name of ${key}`));
  });
});
