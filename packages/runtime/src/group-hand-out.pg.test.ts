import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, testDatabaseTargets } from "@baton/db";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { groupOf, oneTaskProcess } from "./test-support/hand-out-processes.ts";
import { withFreshPostgres } from "./test-support/runtime-fixture.ts";

/**
 * Round robin under real concurrency, on PostgreSQL only (PGlite has one
 * connection, so its starts never overlap): starts on separate connections
 * of one pool meet at the step's cursor row, which each locks while it
 * picks, so the turns go strictly in order. No assertion is about time.
 */
const postgres = (await testDatabaseTargets()).find((t) => t.name === "postgres")!;

describe("round robin under concurrent starts on PostgreSQL", () => {
  if (postgres.skipReason) {
    it.skip(`skipped: ${postgres.skipReason}`, () => {});
    return;
  }

  it("10 starts at once over 2 members give each 5, never two in a row to one person", { timeout: 120_000 }, async () => {
    await withFreshPostgres(12, async (fx) => {
      await groupOf(fx.db, "pair", ["lea", "max"]);
      await publishDefinition(fx.db, await fx.as("ana"), oneTaskProcess("rr-pair", { type: "group", group: "pair", strategy: "roundRobin" }));
      const dana = await fx.as("dana");

      // Ten starts at once, each a transaction on its own connection of the pool.
      await Promise.all(Array.from({ length: 10 }, () => startInstance(fx.db, dana, { processKey: "rr-pair", data: {} })));

      // The audit ids are drawn while the cursor's lock is held, so their order is the order of the turns.
      const turns = (await fx.db.select({ data: auditEvents.data }).from(auditEvents).where(eq(auditEvents.type, "task.assigned")).orderBy(asc(auditEvents.id))).map(
        (e) => (e.data as { assignee: string }).assignee,
      );
      expect(turns).toHaveLength(10);
      expect(turns.filter((u) => u === "lea")).toHaveLength(5);
      expect(turns.filter((u) => u === "max")).toHaveLength(5);
      expect(turns.every((u, i) => i === 0 || u !== turns[i - 1])).toBe(true);
    });
  });
});
