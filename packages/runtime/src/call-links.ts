import { asc, eq, type SQL } from "drizzle-orm";
import { instances, packageVersions, type Database } from "@baton/db";
import type { Actor } from "./actor.ts";
import { isInstanceParticipant } from "./instance-details.ts";
import { loadPackage } from "./package-cache.ts";
import { instanceTitle } from "./task-views.ts";
import { toIso } from "./time.ts";

/**
 * Another instance linked to this one by a call activity: its caller or
 * one it called, with the call activity's step (`stepId`, `stepName`: in
 * the caller's process either way).
 */
export type CallLink = {
  instanceId: string;
  title: string;
  processKey: string;
  processName: string;
  status: "running" | "completed" | "incident" | "cancelled";
  startedAt: string;
  endedAt: string | null;
  stepId: string | null;
  stepName: string | null;
};

type InstanceRow = typeof instances.$inferSelect;
type AuditRow = { type: string; data: unknown };

/**
 * The caller and the called instances of `instance`, each only when the
 * actor may see it (as instanceDetails decides: an admin, its starter, or
 * someone with a task in it), so following a call shows no one more than
 * before. The call activity's step comes from the audit: the called
 * instance's `instance.started` names it, the caller's `child.started` too.
 */
export async function callLinks(db: Database, actor: Actor, instance: InstanceRow, audit: AuditRow[]): Promise<{ parent: CallLink | null; children: CallLink[] }> {
  const linked = (where: SQL) =>
    db
      .select({ instance: instances, name: packageVersions.name })
      .from(instances)
      .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
      .where(where)
      .orderBy(asc(instances.number));
  const children = await linked(eq(instances.parentInstanceId, instance.id));
  const [caller] = instance.parentInstanceId ? await linked(eq(instances.id, instance.parentInstanceId)) : [];
  const maySee = async (r: InstanceRow) => actor.role === "admin" || (await isInstanceParticipant(db, actor, r.id, r.startedBy));

  const ownSteps = (await loadPackage(db, instance.packageVersionId)).definition.steps;
  const calledAt = new Map(audit.flatMap((e) => (e.type === "child.started" ? [[field(e.data, "childInstanceId"), field(e.data, "stepId")] as const] : [])));
  const visibleChildren: CallLink[] = [];
  for (const child of children) {
    if (!(await maySee(child.instance))) continue;
    const stepId = calledAt.get(child.instance.id) ?? null;
    visibleChildren.push(link(child, stepId, ownSteps.find((s) => s.id === stepId)?.name ?? null));
  }

  let parent: CallLink | null = null;
  if (caller && (await maySee(caller.instance))) {
    const stepId = field(audit.find((e) => e.type === "instance.started")?.data, "parentStepId");
    const callerSteps = (await loadPackage(db, caller.instance.packageVersionId)).definition.steps;
    parent = link(caller, stepId, callerSteps.find((s) => s.id === stepId)?.name ?? null);
  }
  return { parent, children: visibleChildren };
}

function field(data: unknown, key: string): string | null {
  const value = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : null;
}

function link(row: { instance: InstanceRow; name: string }, stepId: string | null, stepName: string | null): CallLink {
  return {
    instanceId: row.instance.id,
    title: instanceTitle(row.name, row.instance.number, row.instance.title),
    processKey: row.instance.processKey,
    processName: row.name,
    status: row.instance.status,
    startedAt: toIso(row.instance.startedAt)!,
    endedAt: toIso(row.instance.endedAt),
    stepId,
    stepName,
  };
}
