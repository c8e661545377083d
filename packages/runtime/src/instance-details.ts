import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { auditEvents, instances, packageVersions, tasks, users, type Database } from "@baton/db";
import type { Actor } from "./actor.ts";
import { notFound } from "./errors.ts";
import { requireId } from "./ids.ts";
import { callLinks } from "./call-links.ts";
import { instanceTitle, loadTaskSummaries } from "./task-views.ts";
import { toIso } from "./time.ts";
import { loadPackage } from "./package-cache.ts";
import { formFields, type ColumnField, type Field, type ProcessDefinition } from "@baton/model";
import { directoryNames } from "./directory-names.ts";

/**
 * An instance as its starter, an admin or a participant of it sees it:
 * status, version, variables, tasks and the protocol, and where its work
 * went: the instance that called it and the ones it called (call-links.ts).
 * People and groups come with their names, and decisions with the way they
 * went, so the reader never sees user names, group keys or conditions.
 */
export async function instanceDetails(db: Database, actor: Actor, instanceId: string) {
  const [row] = await db
    .select({ instance: instances, version: packageVersions.version, name: packageVersions.name, startedBy: users.username, startedByName: users.displayName })
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
    .select({ event: auditEvents, actor: users.username, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.instanceId, instanceId))
    .orderBy(asc(auditEvents.id));
  const calls = await callLinks(db, actor, row.instance, audit.map((a) => a.event));
  const definition = (await loadPackage(db, row.instance.packageVersionId)).definition;
  const fields = fieldLabels(definition);
  const variables = row.instance.variables as Record<string, unknown>;
  const names = await directoryNames(
    db,
    [...pickedValues(variables, fields, "user"), ...audit.flatMap((a) => namedIn(a.event.data, "assignee"))],
    [...pickedValues(variables, fields, "group"), ...audit.flatMap((a) => namedIn(a.event.data, "candidateGroup"))],
  );
  return {
    id: row.instance.id,
    title: instanceTitle(row.name, row.instance.number, row.instance.title),
    processKey: row.instance.processKey,
    processName: row.name,
    version: row.version,
    status: row.instance.status,
    startedBy: row.startedBy,
    startedByName: row.startedByName,
    startedAt: toIso(row.instance.startedAt),
    endedAt: toIso(row.instance.endedAt),
    variables,
    fields,
    /** Display names of the users and names of the groups the variables and the protocol name. */
    names,
    incidents: (row.instance.state as { incidents?: unknown[] }).incidents ?? [],
    /** The instance whose call activity started this one, when the actor may see it; null otherwise. */
    parent: calls.parent,
    /** The instances this one's call activities started, oldest first, those the actor may see. */
    children: calls.children,
    tasks: instanceTasks,
    audit: audit.map((a) => ({
      id: a.event.id,
      type: a.event.type,
      actor: a.actor,
      actorName: a.actorName,
      at: toIso(a.event.at),
      taskId: a.event.taskId,
      data: a.event.type === "decision.taken" ? withTheWay(definition, a.event.data) : a.event.data,
    })),
  };
}

/**
 * What people need to read an earlier field's value: its label, option
 * labels ("DHL" where the data says "dhl"), how to show a number or date,
 * and a table's columns. By the variable a field's key names; first form wins.
 */
export type FieldInfo = {
  label: string;
  options?: Record<string, string>;
  format?: "currency" | "percent" | "date" | "dateTime" | "user" | "group";
  currency?: string;
  columns?: (FieldInfo & { key: string })[];
};

function fieldLabels(definition: ProcessDefinition): Record<string, FieldInfo> {
  const out: Record<string, FieldInfo> = {};
  for (const step of definition.steps) {
    if (!("form" in step) || !step.form) continue;
    for (const field of formFields(step.form)) {
      if (!out[field.key]) out[field.key] = fieldInfo(field);
    }
  }
  return out;
}

function fieldInfo(field: Field | ColumnField): FieldInfo {
  const info: FieldInfo = { label: field.label };
  if ("options" in field && Array.isArray(field.options)) info.options = Object.fromEntries(field.options.map((o) => [o.value, o.label]));
  if (field.type === "currency") Object.assign(info, { format: "currency", currency: field.currency });
  if (field.type === "percent" || field.type === "date" || field.type === "dateTime" || field.type === "user" || field.type === "group") info.format = field.type;
  if (field.type === "table") info.columns = field.columns.map((column) => ({ key: column.key, ...fieldInfo(column) }));
  return info;
}

/** The user names (or group keys) that user (group) fields put into the variables. */
function pickedValues(variables: Record<string, unknown>, fields: Record<string, FieldInfo>, format: "user" | "group"): string[] {
  return Object.entries(fields).flatMap(([key, info]) => (info.format === format && typeof variables[key] === "string" ? [variables[key]] : []));
}

/** A protocol entry's `key` and `to.key` (a hand-over's target), when they are names. */
function namedIn(data: unknown, key: "assignee" | "candidateGroup"): string[] {
  const record = (data ?? {}) as Record<string, unknown>;
  const to = (record.to ?? {}) as Record<string, unknown>;
  return [record[key], to[key]].filter((v): v is string => typeof v === "string");
}

/**
 * A decision's protocol entry with the decision's name and the way it went
 * (the connection's label, else the step it led to), for people: "Outcome?:
 * Converted" rather than the condition that was true.
 */
function withTheWay(definition: ProcessDefinition, data: unknown): unknown {
  const record = (data ?? {}) as Record<string, unknown>;
  const stepName = (id: unknown) => definition.steps.find((s) => s.id === id)?.name;
  const connection = definition.connections.find((c) => c.id === record.connectionId);
  const way = connection ? (connection.label ?? stepName(connection.target)) : undefined;
  return { ...record, decision: stepName(record.stepId) ?? null, way: way ?? null };
}

/** Its starter, or someone with a task in it (their own or their group's). */
export async function isInstanceParticipant(db: Database, actor: Actor, instanceId: string, startedBy: string): Promise<boolean> {
  if (startedBy === actor.userId) return true;
  const ownTasks = await loadTaskSummaries(db, actor, eq(tasks.instanceId, instanceId));
  return ownTasks.length > 0;
}

/** Instances the actor started, newest first; not those a call activity of theirs started (the request's page links them). */
export async function myRequests(db: Database, actor: Actor) {
  const rows = await db
    .select({ instance: instances, name: packageVersions.name })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    // What they started themselves: the instances those call are linked from their request's page.
    .where(and(eq(instances.startedBy, actor.userId), isNull(instances.parentInstanceId)))
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
