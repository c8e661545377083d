import { asc, desc, eq, sql } from "drizzle-orm";
import { instances, packageVersions, processDrafts, users, type Database } from "@baton/db";
import { requireRole, type Actor } from "./actor.ts";
import { toIso } from "./time.ts";

/**
 * The admin's view of every process: its published versions, newest first,
 * each with who published it and when and how many instances run on it
 * (running: still working or stopped by an incident) and have finished
 * (completed or cancelled). A process that is only a draft has no versions.
 */
export type VersionOverview = {
  version: number;
  name: string;
  hash: string;
  publishedAt: string;
  publishedBy: string | null;
  running: number;
  finished: number;
};

export type ProcessOverview = { key: string; name: string; hasDraft: boolean; versions: VersionOverview[] };

export async function processOverview(db: Database, actor: Actor): Promise<ProcessOverview[]> {
  requireRole(actor, ["admin"], "see the process overview");
  const rows = await db
    .select({
      processKey: packageVersions.processKey,
      version: packageVersions.version,
      name: packageVersions.name,
      hash: packageVersions.hash,
      publishedAt: packageVersions.publishedAt,
      publishedBy: users.username,
      running: sql<number>`count(${instances.id}) filter (where ${instances.status} in ('running', 'incident'))`.mapWith(Number),
      finished: sql<number>`count(${instances.id}) filter (where ${instances.status} in ('completed', 'cancelled'))`.mapWith(Number),
    })
    .from(packageVersions)
    .leftJoin(users, eq(users.id, packageVersions.publishedBy))
    .leftJoin(instances, eq(instances.packageVersionId, packageVersions.id))
    .groupBy(packageVersions.id, users.username)
    .orderBy(asc(packageVersions.processKey), desc(packageVersions.version));
  const drafts = await db.select({ key: processDrafts.key, name: processDrafts.name }).from(processDrafts);
  const byKey = new Map<string, ProcessOverview>();
  for (const d of drafts) byKey.set(d.key, { key: d.key, name: d.name, hasDraft: true, versions: [] });
  for (const r of rows) {
    const process = byKey.get(r.processKey) ?? { key: r.processKey, name: r.name, hasDraft: false, versions: [] };
    byKey.set(r.processKey, process);
    process.versions.push({ version: r.version, name: r.name, hash: r.hash, publishedAt: toIso(r.publishedAt), publishedBy: r.publishedBy, running: r.running, finished: r.finished });
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}
