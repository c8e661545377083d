import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { groups, testDatabaseTargets, type Database } from "@baton/db";
import { HeldWrites } from "./held-writes.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

describeOnEachDatabase("writes held back to ride along with a later statement", targets, (fx) => {
  const nameOf = async (db: Database, key: string) => (await db.select({ name: groups.name }).from(groups).where(eq(groups.key, key)))[0]?.name;
  const rename = (db: Database, key: string, name: string) => db.update(groups).set({ name }).where(eq(groups.key, key));

  it("sends nothing until flushed, then all held writes at once", async () => {
    await fx.db.insert(groups).values([
      { key: "held-a", name: "A" },
      { key: "held-b", name: "B" },
    ]);
    await fx.db.transaction(async (tx) => {
      const held = new HeldWrites();
      held.hold(rename(tx, "held-a", "A2"));
      held.hold(rename(tx, "held-b", "B2"));
      held.hold(tx.delete(groups).where(eq(groups.key, "held-a-gone")));
      expect(held.size).toBe(3);
      expect(await nameOf(tx, "held-a")).toBe("A");
      await held.flush(tx);
      expect(held.size).toBe(0);
      expect([await nameOf(tx, "held-a"), await nameOf(tx, "held-b")]).toEqual(["A2", "B2"]);
      await held.flush(tx); // nothing held: nothing sent
    });
    expect(await nameOf(fx.db, "held-b")).toBe("B2");
  });

  it("lets a statement carry them: it sees the rows as they were, the next statement sees the writes", async () => {
    await fx.db.insert(groups).values({ key: "held-c", name: "C" });
    await fx.db.transaction(async (tx) => {
      const held = new HeldWrites();
      held.hold(rename(tx, "held-c", "C2"));
      held.hold(tx.insert(groups).values({ key: "held-d", name: "D" }));
      const seen = await tx
        .with(...held.take(tx))
        .select({ key: groups.key, name: groups.name })
        .from(groups)
        .where(inArray(groups.key, ["held-c", "held-d"]));
      expect(held.size).toBe(0);
      expect(seen).toEqual([{ key: "held-c", name: "C" }]);
      expect([await nameOf(tx, "held-c"), await nameOf(tx, "held-d")]).toEqual(["C2", "D"]);
    });
  });
});
