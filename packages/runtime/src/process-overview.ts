import { asc, desc, eq, sql } from "drizzle-orm";
import { instances, packageVersions, processDrafts, users, type Database } from "@baton/db";
import { requireRole, type Actor } from "./actor.ts";
import { toIso } from "./time.ts";
import { loadLifecycle } from "./version-lifecycle.ts";

/**
 * The admin's view of every process: its published versions, newest first,
 * each with who published it and when and how many instances run on it
 * (running: still working or stopped by an incident) and have finished
 * (completed or cancelled), its label, release note and whether it is
 * deprecated; and whether the process is archived. A process that is only a
 * draft has no versions.
 */
export type VersionOverview = {
  version: number;
  name: string;
  hash: string;
  publishedAt: string;
  publishedBy: string | null;
  running: number;
  finished: number;
  label: string | null;
  releaseNote: string | null;
  /** Where the content came from when not a draft (a rollback, an imported file). */
  origin: VersionOrigin | null;
  /** The reason ("" when none was given) when the version is deprecated, else null. */
  deprecated: string | null;
};

export type VersionOrigin = { rolledBackTo?: number; imported?: { version: number; hash: string; publishedBy: string | null; publishedAt: string } };

/** `archived`: the reason ("" when none was given) when the process is archived, else null. */
export type ProcessOverview = { key: string; name: string; hasDraft: boolean; archived: string | null; versions: VersionOverview[] };

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
      label: packageVersions.label,
      releaseNote: packageVersions.releaseNote,
      origin: packageVersions.origin,
      running: sql<number>`count(${instances.id}) filter (where ${instances.status} in ('running', 'incident'))`.mapWith(Number),
      finished: sql<number>`count(${instances.id}) filter (where ${instances.status} in ('completed', 'cancelled'))`.mapWith(Number),
    })
    .from(packageVersions)
    .leftJoin(users, eq(users.id, packageVersions.publishedBy))
    .leftJoin(instances, eq(instances.packageVersionId, packageVersions.id))
    .groupBy(packageVersions.id, users.username)
    .orderBy(asc(packageVersions.processKey), desc(packageVersions.version));
  const drafts = await db.select({ key: processDrafts.key, name: processDrafts.name }).from(processDrafts);
  const lifecycle = await loadLifecycle(db);
  const byKey = new Map<string, ProcessOverview>();
  const archived = (key: string) => lifecycle.archived.get(key) ?? null;
  for (const d of drafts) byKey.set(d.key, { key: d.key, name: d.name, hasDraft: true, archived: archived(d.key), versions: [] });
  for (const r of rows) {
    const process = byKey.get(r.processKey) ?? { key: r.processKey, name: r.name, hasDraft: false, archived: archived(r.processKey), versions: [] };
    byKey.set(r.processKey, process);
    process.versions.push({
      version: r.version,
      name: r.name,
      hash: r.hash,
      publishedAt: toIso(r.publishedAt),
      publishedBy: r.publishedBy,
      running: r.running,
      finished: r.finished,
      label: r.label,
      releaseNote: r.releaseNote,
      origin: r.origin as VersionOrigin | null,
      deprecated: lifecycle.isDeprecated(r.processKey, r.version) ?? null,
    });
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}
