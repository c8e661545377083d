import { asc, desc, eq } from "drizzle-orm";
import { auditEvents, instances, packageVersions, tasks, users, type Database } from "@baton/db";
import type { Actor } from "./actor.ts";
import { notFound } from "./errors.ts";
import { requireId } from "./ids.ts";
import { instanceTitle, loadTaskSummaries } from "./task-views.ts";
import { toIso } from "./time.ts";
import { loadPackage } from "./package-cache.ts";
import { formFields, type ProcessDefinition } from "@baton/model";

/**
 * An instance as its starter, an admin or a participant of it sees it:
 * status, version, variables, tasks and the protocol.
 */
export async function instanceDetails(db: Database, actor: Actor, instanceId: string) {
  const [row] = await db
    .select({ instance: instances, version: packageVersions.version, name: packageVersions.name, startedBy: users.username })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .innerJoin(users, eq(users.id, instances.startedBy))
    .where(eq(instances.id, requireId(instanceId, "Instance")));
  if (!row) throw notFound(`Instance "${instanceId}"`);
  // Its starter, anyone with a task in it, and admins see the whole instance.
  if (actor.role !== "admin" && !(await isInstanceParticipant(db, actor, instanceId, row.instance.startedBy))) {
    throw notFound(`Instance "${instanceId}"`);
  }
  const instanceTasks = await loadTaskSummaries(db, actor, eq(tasks.instanceId, instanceId), "everyone");
  const audit = await db
    .select({ event: auditEvents, actor: users.username })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.instanceId, instanceId))
    .orderBy(asc(auditEvents.id));
  return {
    id: row.instance.id,
    title: instanceTitle(row.name, row.instance.number, row.instance.title),
    processKey: row.instance.processKey,
    processName: row.name,
    version: row.version,
    status: row.instance.status,
    startedBy: row.startedBy,
    startedAt: toIso(row.instance.startedAt),
    endedAt: toIso(row.instance.endedAt),
    variables: row.instance.variables as Record<string, unknown>,
    fields: fieldLabels((await loadPackage(db, row.instance.packageVersionId)).definition),
    incidents: (row.instance.state as { incidents?: unknown[] }).incidents ?? [],
    tasks: instanceTasks,
    audit: audit.map((a) => ({ id: a.event.id, type: a.event.type, actor: a.actor, at: toIso(a.event.at), taskId: a.event.taskId, data: a.event.data })),
  };
}

/** Labels of the form fields whose keys name variables, with option labels,
 * so people read "DHL" where the data says "dhl". First form wins. */
function fieldLabels(definition: ProcessDefinition): Record<string, { label: string; options?: Record<string, string> }> {
  const out: Record<string, { label: string; options?: Record<string, string> }> = {};
  for (const step of definition.steps) {
    if (!("form" in step) || !step.form) continue;
    for (const field of formFields(step.form)) {
      if (out[field.key]) continue;
      const options = "options" in field && Array.isArray(field.options) ? (field.options as { value: string; label: string }[]) : undefined;
      out[field.key] = options ? { label: field.label, options: Object.fromEntries(options.map((o) => [o.value, o.label])) } : { label: field.label };
    }
  }
  return out;
}

/** Instances the actor started, newest first. */
/** Its starter, or someone with a task in it (their own or their group's). */
export async function isInstanceParticipant(db: Database, actor: Actor, instanceId: string, startedBy: string): Promise<boolean> {
  if (startedBy === actor.userId) return true;
  const ownTasks = await loadTaskSummaries(db, actor, eq(tasks.instanceId, instanceId));
  return ownTasks.length > 0;
}

export async function myRequests(db: Database, actor: Actor) {
  const rows = await db
    .select({ instance: instances, name: packageVersions.name })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .where(eq(instances.startedBy, actor.userId))
    .orderBy(desc(instances.startedAt))
    .limit(200);
  return rows.map((r) => ({
    instanceId: r.instance.id,
    title: instanceTitle(r.name, r.instance.number, r.instance.title),
    processName: r.name,
    status: r.instance.status,
    startedAt: toIso(r.instance.startedAt),
    endedAt: toIso(r.instance.endedAt),
  }));
}
