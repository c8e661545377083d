import { asc, eq, sql } from "drizzle-orm";
import { instances, packageVersions, type Database } from "@baton/db";
import type { Incident } from "@baton/engine";
import { requireRole, type Actor } from "./actor.ts";
import { loadPackage } from "./package-cache.ts";
import { instanceTitle } from "./task-views.ts";
import { toIso } from "./time.ts";

/**
 * Every open incident across all instances that have not completed, oldest
 * first, with what an admin needs to decide: the process and version, the
 * step (and its kind: only a stuck service call can be skipped), the code,
 * the message and since when. Incidents live in each instance's engine
 * state; an instance carries few, so they are read from there.
 */
export type OpenIncident = {
  incidentId: string;
  instanceId: string;
  instanceTitle: string;
  processKey: string;
  processName: string;
  version: number;
  stepId: string;
  stepName: string;
  stepKind: string | null;
  code: Incident["code"];
  message: string;
  since: string;
};

const LIMIT = 500;

export async function listOpenIncidents(db: Database, actor: Actor): Promise<OpenIncident[]> {
  requireRole(actor, ["admin"], "see incidents");
  const rows = await db
    .select({ instance: instances, version: packageVersions.version, name: packageVersions.name })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .where(sql`${instances.status} <> 'completed' and jsonb_array_length(coalesce(${instances.state}->'incidents', '[]'::jsonb)) > 0`)
    .orderBy(asc(instances.startedAt))
    .limit(LIMIT);
  const out: OpenIncident[] = [];
  for (const row of rows) {
    const { definition } = await loadPackage(db, row.instance.packageVersionId);
    for (const incident of (row.instance.state as { incidents: Incident[] }).incidents) {
      const step = definition.steps.find((s) => s.id === incident.stepId);
      out.push({
        incidentId: incident.id,
        instanceId: row.instance.id,
        instanceTitle: instanceTitle(row.name, row.instance.number, row.instance.title),
        processKey: row.instance.processKey,
        processName: row.name,
        version: row.version,
        stepId: incident.stepId,
        stepName: step?.name ?? incident.stepId,
        stepKind: step?.kind ?? null,
        code: incident.code,
        message: incident.message,
        since: toIso(incident.at),
      });
    }
  }
  return out.sort((a, b) => a.since.localeCompare(b.since));
}
