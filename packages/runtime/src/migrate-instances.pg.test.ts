import { fileURLToPath } from "node:url";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, instances, jobs, packageVersions, tasks, testDatabaseTargets, type Database } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import { killStrayWorkers, spawnWorker } from "./jobs/test-support/worker-processes.ts";
import { publishDefinition } from "./publish.ts";
import { startInstance } from "./start-instance.ts";
import { deskMapping, deskV1, deskV2 } from "./test-support/migration-processes.ts";
import { snapshotInstance, withFreshPostgres } from "./test-support/runtime-fixture.ts";

/**
 * A migration killed midway (SIGKILL, with one instance's transaction
 * written but not committed) leaves every instance either fully migrated
 * or exactly as it was: each instance moves in a transaction of its own.
 * PostgreSQL only: a killed process's connection drops and its open
 * transaction rolls back, which is what is tested.
 */
const postgres = (await testDatabaseTargets()).find((t) => t.name === "postgres")!;
const migrateScript = fileURLToPath(new URL("./test-support/migrate-process.ts", import.meta.url));
const KEY = "mig-killed";
const COUNT = 40;
const HANG_AT = 17;

async function everythingOf(db: Database, id: string) {
  return { ...(await snapshotInstance(db, id)), jobs: await db.select().from(jobs).where(eq(jobs.instanceId, id)).orderBy(jobs.id) };
}

describe("a migration killed midway on PostgreSQL", () => {
  if (postgres.skipReason) {
    it.skip(`skipped: ${postgres.skipReason}`, () => {});
    return;
  }

  it("leaves each instance fully migrated or untouched", { timeout: 300_000 }, async () => {
    await withFreshPostgres(
      4,
      async (fx) => {
        const admin = await fx.as("admin");
        await publishDefinition(fx.db, admin, deskV1(KEY, "http://127.0.0.1:9/never"));
        const ids: string[] = [];
        for (let i = 0; i < COUNT; i++) ids.push((await startInstance(fx.db, admin, { processKey: KEY, data: { route: i % 2 ? "timer" : "task" } })).instanceId);
        await publishDefinition(fx.db, admin, deskV2(KEY, "http://127.0.0.1:9/never"));
        const before = new Map<string, Awaited<ReturnType<typeof everythingOf>>>();
        for (const id of ids) before.set(id, await everythingOf(fx.db, id));

        const child = spawnWorker(fx.url, { MIGRATE_KEY: KEY, MIGRATE_MAPPING: JSON.stringify(deskMapping), MIGRATE_HANG_AT: String(HANG_AT) }, migrateScript);
        await child.waitFor((m) => m.ready === true);
        child.go();
        await child.waitFor((m) => m.inside === HANG_AT);
        await child.kill();

        const [v2] = await fx.db.select().from(packageVersions).where(and(eq(packageVersions.processKey, KEY), eq(packageVersions.version, 2)));
        const v2Steps = new Set((v2!.definition as { steps: { id: string }[] }).steps.map((s) => s.id));
        let migrated = 0;
        for (const id of ids) {
          const now = await everythingOf(fx.db, id);
          if (now.instance!.packageVersionId !== v2!.id) {
            expect(now, `instance ${id} is half migrated`).toEqual(before.get(id));
            continue;
          }
          migrated += 1;
          const state = now.instance!.state as InstanceState;
          expect(state.tokens.every((t) => v2Steps.has(t.stepId))).toBe(true);
          expect(now.instance!.revision).toBe(before.get(id)!.instance!.revision + 1);
          expect(now.audit.filter((a) => a.type === "instance.migrated")).toHaveLength(1);
          for (const task of now.tasks.filter((t) => t.status === "open")) expect(v2Steps.has(task.stepId)).toBe(true);
          for (const job of now.jobs.filter((j) => j.type === "timer")) expect(job.payload).toMatchObject({ stepId: "coolDown" });
        }
        // Those before the hang committed; the one hanging and all after it did not.
        expect(migrated).toBe(HANG_AT - 1);
        expect(await fx.db.select({ id: auditEvents.id }).from(auditEvents).where(and(inArray(auditEvents.instanceId, ids), eq(auditEvents.type, "instance.migrated")))).toHaveLength(HANG_AT - 1);
        const openOnV1 = await fx.db.select({ n: tasks.id }).from(tasks).innerJoin(instances, eq(instances.id, tasks.instanceId)).where(and(eq(instances.processKey, KEY), eq(tasks.stepId, "triage")));
        expect(openOnV1.length).toBe(COUNT / 2 - Math.floor((HANG_AT - 1) / 2));
      },
      killStrayWorkers,
    );
  });
});
