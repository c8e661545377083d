import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPostgresTestDatabase, instances, openDatabase, tasks, taskDrafts, auditEvents, type Database, type DatabaseHandle, type TestDatabaseTarget } from "@baton/db";
import { loadActor, type Actor } from "../actor.ts";
import { seedDemo } from "../seed.ts";

/** The repository's own templates: seeded into every test database. */
export const templatesDir = fileURLToPath(new URL("../../../../templates", import.meta.url));

export type RuntimeFixture = {
  handle: DatabaseHandle;
  db: Database;
  as: (username: string) => Promise<Actor>;
};

export async function seededFixture(open: () => Promise<DatabaseHandle>): Promise<RuntimeFixture> {
  const handle = await open();
  await seedDemo(handle.db, templatesDir);
  return { handle, db: handle.db, as: (username) => loadActor(handle.db, { username }) };
}

/**
 * A fresh, seeded PostgreSQL database of its own with a pool of `poolSize`
 * connections (for tests that need several at once, or the URL for child
 * processes), dropped afterwards; `cleanup` runs first (e.g. stray worker
 * processes still holding connections).
 */
export async function withFreshPostgres(
  poolSize: number,
  body: (fx: RuntimeFixture & { url: string }) => Promise<void>,
  cleanup?: () => Promise<void>,
): Promise<void> {
  const fresh = await createPostgresTestDatabase();
  let fx: RuntimeFixture | undefined;
  try {
    fx = await seededFixture(async () => {
      const handle = await openDatabase({ url: fresh.url, dataDir: "", poolSize });
      await handle.migrate();
      return handle;
    });
    await body({ ...fx, url: fresh.url });
  } finally {
    await cleanup?.();
    await fx?.handle.close();
    await fresh.drop();
  }
}

/**
 * Runs `body` once per database target (embedded PGlite, and PostgreSQL when
 * reachable; otherwise one skipped test that says why), each on a freshly
 * seeded database. `fx` is filled in before the body's own `beforeAll`s run.
 */
export function describeOnEachDatabase(title: string, targets: TestDatabaseTarget[], body: (fx: RuntimeFixture) => void): void {
  describe.each(targets)(`${title} on $name`, (target) => {
    if (target.skipReason) {
      it.skip(`skipped: ${target.skipReason}`, () => {});
      return;
    }
    const fx = {} as RuntimeFixture;
    beforeAll(async () => {
      Object.assign(fx, await seededFixture(target.open));
    });
    afterAll(async () => fx.handle?.close());
    body(fx);
  });
}

/** Everything a completion could touch, to prove that a failure changed nothing. */
export async function snapshotInstance(db: Database, instanceId: string) {
  const [instance] = await db.select().from(instances).where(eq(instances.id, instanceId));
  const taskRows = await db.select().from(tasks).where(eq(tasks.instanceId, instanceId)).orderBy(tasks.createdAt, tasks.id);
  const drafts = [];
  for (const t of taskRows) drafts.push(...(await db.select().from(taskDrafts).where(eq(taskDrafts.taskId, t.id))));
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.instanceId, instanceId)).orderBy(auditEvents.id);
  return { instance, tasks: taskRows, drafts, audit };
}

/**
 * A checkpoint seam that records the points a transaction reaches and fails
 * at `point` (the error reads "injected failure at <point>").
 */
export function failAt<P extends string>(point: P): { reached: P[]; checkpoint: (at: P) => void } {
  const reached: P[] = [];
  return {
    reached,
    checkpoint: (at) => {
      reached.push(at);
      if (at === point) throw new Error(`injected failure at ${at}`);
    },
  };
}

export const prospect = {
  name: "Grace Hopper",
  company: "Navy Labs",
  phone: "+1 555 0100",
  email: "grace@example.com",
  product: "business",
};
