import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { PG_UNIQUE_VIOLATION, pgErrorCode, pgErrorMessage, testDatabaseTargets, type DatabaseHandle } from "./index.ts";
import { processBlocks, users } from "./schema.ts";

const targets = await testDatabaseTargets();

describe.each(targets)("database on $name", (target) => {
  if (target.skipReason) {
    it.skip(`skipped: ${target.skipReason}`, () => {});
    return;
  }
  let handle: DatabaseHandle;
  afterAll(async () => handle?.close());

  it("migrates an empty database and round-trips a row", async () => {
    handle = await target.open();
    await handle.migrate(); // a second run is a no-op
    const [row] = await handle.db
      .insert(users)
      .values({ username: "ada", displayName: "Ada", passwordHash: "x" })
      .returning();
    expect(row?.role).toBe("participant");
    const count = await handle.db.execute(sql`select count(*)::int as n from users`);
    expect((count as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it("refuses any update of a published package version", async () => {
    await handle.db.execute(
      sql`insert into package_versions (process_key, version, name, hash, definition, forms) values ('p', 1, 'P', 'h', '{}', '{}')`,
    );
    const error = await handle.db.execute(sql`update package_versions set name = 'changed'`).catch((e) => e);
    expect(pgErrorMessage(error)).toMatch(/cannot be changed/);
    // Label and release note are set with the row, never after; nor is a published version deleted.
    const relabel = await handle.db.execute(sql`update package_versions set label = 'v1', release_note = 'new'`).catch((e) => e);
    expect(pgErrorMessage(relabel)).toMatch(/package version 1 of p is published and cannot be changed/);
    const removed = await handle.db.execute(sql`delete from package_versions`).catch((e) => e);
    expect(pgErrorMessage(removed)).toMatch(/cannot be changed/);
    const rows = await handle.db.execute(sql`select name, label from package_versions`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ name: "P", label: null }]);
  });

  it("stores block versions once per key and version, and refuses to change them", async () => {
    const block = { key: "approval", name: "Approval", content: { steps: [] } };
    const [row] = await handle.db.insert(processBlocks).values({ ...block, version: 1 }).returning();
    expect(row).toMatchObject({ version: 1, description: "", content: { steps: [] }, createdBy: null });
    const twice = await handle.db.insert(processBlocks).values({ ...block, version: 1 }).catch((e) => e);
    expect(pgErrorCode(twice)).toBe(PG_UNIQUE_VIOLATION);
    const changed = await handle.db.execute(sql`update process_blocks set name = 'changed'`).catch((e) => e);
    expect(pgErrorMessage(changed)).toMatch(/version 1 of block approval is saved and cannot be changed/);
  });

  it("refuses a second user with the same name", async () => {
    const error = await handle.db
      .insert(users)
      .values({ username: "ada", displayName: "Ada 2", passwordHash: "x" })
      .catch((e) => e);
    expect(pgErrorCode(error)).toBe(PG_UNIQUE_VIOLATION);
  });
});
