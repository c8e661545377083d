import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { auditEvents, instances, packageVersions, users, type Database } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import { requireRole, type Actor } from "./actor.ts";
import { invalidInput, notFound } from "./errors.ts";
import { loadPackage } from "./package-cache.ts";
import { instanceTitle } from "./task-views.ts";
import { toIso } from "./time.ts";

/**
 * The admin's list of one process's instances, newest first, a page at a
 * time: what each is called, which version it runs on, its status, the
 * steps where it has work now, who started it and when, when it last
 * changed (its latest protocol entry) and when it ended. Filtered by
 * status (default `active`: running or stopped by an incident) and version.
 * Admins only.
 */
export const INSTANCE_STATUSES = ["running", "incident", "completed", "cancelled"] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];
export const INSTANCE_STATUS_FILTERS = ["active", "all", ...INSTANCE_STATUSES] as const;
export type InstanceStatusFilter = (typeof INSTANCE_STATUS_FILTERS)[number];
export const INSTANCE_PAGE_MAX = 200;

export type ProcessInstancesQuery = { processKey: string; status?: InstanceStatusFilter; version?: number; limit?: number; offset?: number };

export type ProcessInstanceRow = {
  id: string;
  number: number;
  title: string;
  version: number;
  status: InstanceStatus;
  /** Where it has work now (none once it ended). */
  currentSteps: { stepId: string; name: string }[];
  startedAt: string;
  /** The starter's user name and display name. */
  startedBy: string;
  startedByName: string;
  updatedAt: string;
  endedAt: string | null;
  /** The instance whose call activity started this one: cancel that one to stop both. */
  calledBy: { id: string; number: number } | null;
};

export type ProcessInstancesPage = { instances: ProcessInstanceRow[]; total: number; limit: number; offset: number; nextOffset: number | null };

const STATUSES_OF: Record<InstanceStatusFilter, InstanceStatus[] | null> = {
  active: ["running", "incident"],
  all: null,
  running: ["running"],
  incident: ["incident"],
  completed: ["completed"],
  cancelled: ["cancelled"],
};

export async function listProcessInstances(db: Database, actor: Actor, query: ProcessInstancesQuery): Promise<ProcessInstancesPage> {
  requireRole(actor, ["admin"], "see a process's instances");
  const status = query.status ?? "active";
  if (!INSTANCE_STATUS_FILTERS.includes(status)) throw invalidInput(`Status "${String(status)}" is not one of ${INSTANCE_STATUS_FILTERS.join(", ")}.`);
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > INSTANCE_PAGE_MAX) throw invalidInput(`A page holds 1 to ${INSTANCE_PAGE_MAX} instances, not ${String(limit)}.`);
  if (!Number.isInteger(offset) || offset < 0) throw invalidInput(`The offset must be a whole number from 0 up, not ${String(offset)}.`);
  const [known] = await db.select({ id: packageVersions.id }).from(packageVersions).where(eq(packageVersions.processKey, query.processKey)).limit(1);
  if (!known) throw notFound(`Published process "${query.processKey}"`);

  const statuses = STATUSES_OF[status];
  const where: SQL | undefined = and(
    eq(instances.processKey, query.processKey),
    statuses ? inArray(instances.status, statuses) : undefined,
    query.version !== undefined ? eq(packageVersions.version, query.version) : undefined,
  );
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .where(where);
  const rows = await db
    .select({
      instance: instances,
      version: packageVersions.version,
      name: packageVersions.name,
      startedBy: users.username,
      startedByName: users.displayName,
      updatedAt: sql<string | Date | null>`(select max(${auditEvents.at}) from ${auditEvents} where ${auditEvents.instanceId} = ${instances.id})`,
      parentNumber: sql<number | null>`(select p.number from ${instances} p where p.id = ${instances.parentInstanceId})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .innerJoin(users, eq(users.id, instances.startedBy))
    .where(where)
    .orderBy(desc(instances.number))
    .limit(limit)
    .offset(offset);

  const page: ProcessInstanceRow[] = [];
  for (const row of rows) {
    const { definition } = await loadPackage(db, row.instance.packageVersionId);
    const names = new Map(definition.steps.map((s) => [s.id, s.name || s.id]));
    const state = row.instance.state as InstanceState;
    const stepIds = [...new Set(state.tokens.map((t) => t.stepId))];
    const parentId = row.instance.parentInstanceId;
    page.push({
      id: row.instance.id,
      number: row.instance.number,
      title: instanceTitle(row.name, row.instance.number, row.instance.title),
      version: row.version,
      status: row.instance.status,
      currentSteps: stepIds.map((stepId) => ({ stepId, name: names.get(stepId) ?? stepId })),
      startedAt: toIso(row.instance.startedAt),
      startedBy: row.startedBy,
      startedByName: row.startedByName,
      updatedAt: toIso(row.updatedAt ?? row.instance.endedAt ?? row.instance.startedAt),
      endedAt: toIso(row.instance.endedAt),
      calledBy: parentId ? { id: parentId, number: row.parentNumber ?? 0 } : null,
    });
  }
  const nextOffset = offset + rows.length < total ? offset + rows.length : null;
  return { instances: page, total, limit, offset, nextOffset };
}
