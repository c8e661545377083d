import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, packageVersions, tasks, testDatabaseTargets, type Database } from "@baton/db";
import { completeTask } from "./complete-task.ts";
import type { UserError } from "./errors.ts";
import { processOverview } from "./process-overview.ts";
import { getVersion, listVersions, publishDefinition } from "./publish.ts";
import { startableProcesses, startInstance } from "./start-instance.ts";
import { oneTaskProcess } from "./test-support/hand-out-processes.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";
import { diffVersions } from "./version-diff.ts";
import { archiveProcess, deprecateVersion, rollbackToVersion, unarchiveProcess, undeprecateVersion } from "./version-lifecycle.ts";

/** Labels and release notes, deprecation, archiving and rollback — and that none of them touches a published row. */
const targets = await testDatabaseTargets();
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UserError);
const sam = { type: "user", user: "sam" } as const;
const openTaskOf = async (db: Database, instanceId: string) => (await db.select().from(tasks).where(eq(tasks.instanceId, instanceId)))[0]!;

describeOnEachDatabase("version lifecycle", targets, (fx) => {
  it("publishes a label and a release note, by default the diff against the latest in words", async () => {
    const admin = await fx.as("admin");
    const v1 = await publishDefinition(fx.db, admin, oneTaskProcess("life-notes", sam), { label: "  Pilot ", releaseNote: "" });
    expect(v1).toMatchObject({ version: 1, created: true });
    const v2 = await publishDefinition(fx.db, admin, oneTaskProcess("life-notes", sam, "Sort and tag the ticket"));
    const listed = await listVersions(fx.db, admin, "life-notes");
    expect(listed.map((v) => [v.version, v.label, v.releaseNote, v.deprecated])).toEqual([
      [2, null, '- Changed task "Sort and tag the ticket": renamed from "Sort the ticket".', null],
      [1, "Pilot", "First version.", null],
    ]);
    // A note of the publisher's own wins; too long a label is refused, nothing written.
    const long = await failure(publishDefinition(fx.db, admin, oneTaskProcess("life-notes", { type: "user", user: "sara" }), { label: "x".repeat(61) }));
    expect(long).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/label is 61 characters/) });
    expect(v2.version).toBe(2);
    expect((await listVersions(fx.db, admin, "life-notes")).length).toBe(2);
  });

  it("publishes nothing for the latest's content, but a new latest for an older version's content", async () => {
    const admin = await fx.as("admin");
    await publishDefinition(fx.db, admin, oneTaskProcess("life-same", sam));
    await publishDefinition(fx.db, admin, oneTaskProcess("life-same", sam, "Changed"));
    expect(await publishDefinition(fx.db, admin, oneTaskProcess("life-same", sam, "Changed"), { label: "ignored" })).toMatchObject({ version: 2, created: false });
    // Back to v1's content: it must become what new starts use, so it is v3 (with v1's hash).
    const v3 = await publishDefinition(fx.db, admin, oneTaskProcess("life-same", sam));
    const v1 = await getVersion(fx.db, admin, "life-same", 1);
    expect(v3).toMatchObject({ version: 3, created: true, hash: v1.hash });
  });

  it("refuses new starts on a deprecated latest version with the reason, while running work goes on", async () => {
    const admin = await fx.as("admin");
    const dana = await fx.as("dana");
    const samActor = await fx.as("sam");
    await publishDefinition(fx.db, admin, oneTaskProcess("life-dep", sam));
    const running = await startInstance(fx.db, dana, { processKey: "life-dep", data: {} });
    expect(await deprecateVersion(fx.db, admin, { processKey: "life-dep", version: 1, reason: "wrong team" })).toEqual({ running: 1 });
    const refused = await failure(startInstance(fx.db, dana, { processKey: "life-dep", data: {} }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining('Version 1 of "One task life-dep", the latest, is deprecated (wrong team)') });
    expect((await startableProcesses(fx.db, dana)).map((p) => p.processKey)).not.toContain("life-dep");
    // The instance already on v1 finishes on v1.
    expect((await completeTask(fx.db, samActor, { taskId: (await openTaskOf(fx.db, running.instanceId)).id, data: {} })).instanceStatus).toBe("completed");
    // A newer version takes new starts again; the deprecated one stays deprecated.
    await publishDefinition(fx.db, admin, oneTaskProcess("life-dep", { type: "user", user: "sara" }));
    expect((await startInstance(fx.db, dana, { processKey: "life-dep", data: {} })).status).toBe("running");
    const overview = (await processOverview(fx.db, admin)).find((p) => p.key === "life-dep")!;
    expect(overview.versions.map((v) => [v.version, v.deprecated, v.running, v.finished])).toEqual([
      [2, null, 1, 0],
      [1, "wrong team", 0, 1],
    ]);
    await undeprecateVersion(fx.db, admin, { processKey: "life-dep", version: 1 });
    expect((await listVersions(fx.db, admin, "life-dep")).map((v) => v.deprecated)).toEqual([null, null]);
    const audit = await fx.db.select({ type: auditEvents.type }).from(auditEvents).where(sql`${auditEvents.data}->>'processKey' = 'life-dep'`);
    expect(audit.map((a) => a.type)).toEqual(expect.arrayContaining(["version.deprecated", "version.undeprecated"]));
  });

  it("archives a process: no starts, gone from the portal, still in the admin's overview", async () => {
    const admin = await fx.as("admin");
    const dana = await fx.as("dana");
    await publishDefinition(fx.db, admin, oneTaskProcess("life-arch", sam));
    await archiveProcess(fx.db, admin, { processKey: "life-arch", reason: "replaced by the desk process" });
    expect(await failure(startInstance(fx.db, dana, { processKey: "life-arch", data: {} }))).toMatchObject({
      code: "CONFLICT",
      message: '"One task life-arch" is archived (replaced by the desk process): new requests cannot be started. An admin can unarchive it.',
    });
    expect((await startableProcesses(fx.db, dana)).map((p) => p.processKey)).not.toContain("life-arch");
    expect((await processOverview(fx.db, admin)).find((p) => p.key === "life-arch")?.archived).toBe("replaced by the desk process");
    await unarchiveProcess(fx.db, admin, { processKey: "life-arch" });
    expect((await startableProcesses(fx.db, dana)).map((p) => p.processKey)).toContain("life-arch");
    expect(await failure(archiveProcess(fx.db, admin, { processKey: "no-such-process" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("rolls back by republishing an older version's content as the new latest", async () => {
    const admin = await fx.as("admin");
    const dana = await fx.as("dana");
    await publishDefinition(fx.db, admin, oneTaskProcess("life-roll", sam), { label: "Good" });
    await publishDefinition(fx.db, admin, oneTaskProcess("life-roll", { type: "user", user: "nobody-here" }, "Broken"));
    const back = await rollbackToVersion(fx.db, admin, { processKey: "life-roll", version: 1, reason: "v2 assigns nobody." });
    expect(back).toMatchObject({ version: 3, created: true });
    const v3 = await getVersion(fx.db, admin, "life-roll", 3);
    expect(v3).toMatchObject({ releaseNote: "Rolled back to v1. v2 assigns nobody.", label: "Good", origin: { rolledBackTo: 1 }, hash: (await getVersion(fx.db, admin, "life-roll", 1)).hash });
    expect((await diffVersions(fx.db, admin, { processKey: "life-roll", from: 1, to: 3 })).diff.unchanged).toBe(true);
    // New starts run v3, i.e. v1's process.
    const started = await startInstance(fx.db, dana, { processKey: "life-roll", data: {} });
    expect((await openTaskOf(fx.db, started.instanceId)).name).toBe("Sort the ticket");
    // Rolling back to the latest, or twice to the same content, creates nothing.
    expect(await failure(rollbackToVersion(fx.db, admin, { processKey: "life-roll", version: 3 }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already the latest/) });
    expect(await rollbackToVersion(fx.db, admin, { processKey: "life-roll", version: 1 })).toMatchObject({ version: 3, created: false });
    // A deprecated version is not brought back without undeprecating it.
    await deprecateVersion(fx.db, admin, { processKey: "life-roll", version: 2 });
    expect(await failure(rollbackToVersion(fx.db, admin, { processKey: "life-roll", version: 2 }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/undeprecate it first/) });
  });

  it("keeps the lifecycle to admins", async () => {
    const ana = await fx.as("ana");
    const admin = await fx.as("admin");
    await publishDefinition(fx.db, admin, oneTaskProcess("life-perm", sam));
    for (const attempt of [
      deprecateVersion(fx.db, ana, { processKey: "life-perm", version: 1 }),
      rollbackToVersion(fx.db, ana, { processKey: "life-perm", version: 1 }),
      archiveProcess(fx.db, ana, { processKey: "life-perm" }),
      unarchiveProcess(fx.db, ana, { processKey: "life-perm" }),
    ]) {
      expect(await failure(attempt)).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("never changes a published row: deprecating, archiving and rolling back only add rows beside it", async () => {
    const admin = await fx.as("admin");
    await publishDefinition(fx.db, admin, oneTaskProcess("life-frozen", sam), { label: "One", releaseNote: "The first." });
    await publishDefinition(fx.db, admin, oneTaskProcess("life-frozen", sam, "Two"));
    const rows = () => fx.db.select().from(packageVersions).where(eq(packageVersions.processKey, "life-frozen")).orderBy(packageVersions.version);
    const before = await rows();
    await deprecateVersion(fx.db, admin, { processKey: "life-frozen", version: 2, reason: "r" });
    await archiveProcess(fx.db, admin, { processKey: "life-frozen" });
    await unarchiveProcess(fx.db, admin, { processKey: "life-frozen" });
    await undeprecateVersion(fx.db, admin, { processKey: "life-frozen", version: 2 });
    await rollbackToVersion(fx.db, admin, { processKey: "life-frozen", version: 1 });
    const after = await rows();
    expect(after.slice(0, 2)).toEqual(before);
    expect(after.length).toBe(3);
    // And the database itself refuses to change or remove one.
    const update = await fx.db.execute(sql`update package_versions set release_note = 'edited' where process_key = 'life-frozen'`).catch((e: Error) => e);
    expect(update).toBeInstanceOf(Error);
    const remove = await fx.db.delete(packageVersions).where(and(eq(packageVersions.processKey, "life-frozen"), eq(packageVersions.version, 1))).catch((e: Error) => e);
    expect(remove).toBeInstanceOf(Error);
    expect(await rows()).toEqual(after);
  });
});
