import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { auditEvents, instances, packageVersions, processArchives, versionDeprecations, type Database } from "@baton/db";
import type { CompiledForm, ProcessDefinition } from "@baton/model";
import { requireRole, type Actor } from "./actor.ts";
import { conflict, invalidInput, notFound } from "./errors.ts";
import { sealVersion, type SealResult } from "./seal-version.ts";

/**
 * What an admin decides about published versions after the fact, kept
 * beside the immutable package rows:
 * - deprecate a version: no new instances start on it, running ones go on;
 * - archive a process: nobody starts it, the portal no longer lists it,
 *   admins still see it and its instances;
 * - roll back: republish an older version's content as the new latest
 *   version (a new number, release note "Rolled back to vN.").
 * New starts always use the latest version. When the latest is deprecated
 * the start is refused with the reason (as Camunda refuses to start a
 * suspended latest definition) rather than falling back to an older one
 * silently: the admin rolls back or publishes, and says so. Every decision
 * is audited.
 */
const REASON_MAX = 500;

function cleanReason(reason: string | undefined): string {
  const text = reason?.trim() ?? "";
  if (text.length > REASON_MAX) throw invalidInput(`The reason is ${text.length} characters long; keep it to ${REASON_MAX}.`);
  return text;
}

async function versionRow(db: Database, processKey: string, version: number) {
  const [row] = await db
    .select()
    .from(packageVersions)
    .where(and(eq(packageVersions.processKey, processKey), eq(packageVersions.version, version)));
  if (!row) throw notFound(`Version ${version} of process "${processKey}"`);
  return row;
}

async function audit(db: Database, actor: Actor, type: string, data: Record<string, unknown>) {
  await db.insert(auditEvents).values({ actorId: actor.userId, type, data });
}

/** Deprecates a version; returns how many of its instances are still running (they go on). */
export async function deprecateVersion(db: Database, actor: Actor, input: { processKey: string; version: number; reason?: string }): Promise<{ running: number }> {
  requireRole(actor, ["admin"], "deprecate versions");
  const reason = cleanReason(input.reason);
  const row = await versionRow(db, input.processKey, input.version);
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(versionDeprecations)
      .values({ processKey: input.processKey, version: input.version, reason, deprecatedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ version: versionDeprecations.version });
    if (inserted) await audit(tx, actor, "version.deprecated", { processKey: input.processKey, version: input.version, reason });
    const [count] = await tx
      .select({ running: sql<number>`count(*)`.mapWith(Number) })
      .from(instances)
      .where(and(eq(instances.packageVersionId, row.id), inArray(instances.status, ["running", "incident"])));
    return { running: count?.running ?? 0 };
  });
}

export async function undeprecateVersion(db: Database, actor: Actor, input: { processKey: string; version: number }): Promise<void> {
  requireRole(actor, ["admin"], "undeprecate versions");
  await versionRow(db, input.processKey, input.version);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(versionDeprecations)
      .where(and(eq(versionDeprecations.processKey, input.processKey), eq(versionDeprecations.version, input.version)))
      .returning({ version: versionDeprecations.version });
    if (removed.length > 0) await audit(tx, actor, "version.undeprecated", { processKey: input.processKey, version: input.version });
  });
}

async function requireProcess(db: Database, processKey: string): Promise<void> {
  const [any] = await db.select({ id: packageVersions.id }).from(packageVersions).where(eq(packageVersions.processKey, processKey)).limit(1);
  if (!any) throw notFound(`Published process "${processKey}"`);
}

export async function archiveProcess(db: Database, actor: Actor, input: { processKey: string; reason?: string }): Promise<void> {
  requireRole(actor, ["admin"], "archive processes");
  const reason = cleanReason(input.reason);
  await requireProcess(db, input.processKey);
  await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(processArchives)
      .values({ processKey: input.processKey, reason, archivedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ key: processArchives.processKey });
    if (inserted) await audit(tx, actor, "process.archived", { processKey: input.processKey, reason });
  });
}

export async function unarchiveProcess(db: Database, actor: Actor, input: { processKey: string }): Promise<void> {
  requireRole(actor, ["admin"], "unarchive processes");
  await requireProcess(db, input.processKey);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(processArchives).where(eq(processArchives.processKey, input.processKey)).returning({ key: processArchives.processKey });
    if (removed.length > 0) await audit(tx, actor, "process.unarchived", { processKey: input.processKey });
  });
}

/**
 * Republishes version `version`'s content as the new latest version. Refused
 * for the latest itself and for a deprecated version (undeprecate it first:
 * it was stopped for a reason). When the latest already has that content (an
 * earlier rollback), nothing is created.
 */
export async function rollbackToVersion(db: Database, actor: Actor, input: { processKey: string; version: number; reason?: string }): Promise<SealResult> {
  requireRole(actor, ["admin"], "roll back processes");
  const reason = cleanReason(input.reason);
  const row = await versionRow(db, input.processKey, input.version);
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: packageVersions.version })
      .from(packageVersions)
      .where(eq(packageVersions.processKey, input.processKey))
      .orderBy(desc(packageVersions.version))
      .limit(1);
    if (latest?.version === input.version) throw conflict(`Version ${input.version} is already the latest version of "${row.name}": there is nothing to roll back to.`);
    const [deprecated] = await tx
      .select({ reason: versionDeprecations.reason })
      .from(versionDeprecations)
      .where(and(eq(versionDeprecations.processKey, input.processKey), eq(versionDeprecations.version, input.version)));
    if (deprecated) throw conflict(`Version ${input.version} of "${row.name}" is deprecated${deprecated.reason ? ` (${deprecated.reason})` : ""}; undeprecate it first if it should run again.`);
    return sealVersion(tx, actor, {
      definition: row.definition as ProcessDefinition,
      forms: row.forms as Record<string, CompiledForm>,
      hash: row.hash,
      bpmnXml: row.bpmnXml,
      label: row.label,
      releaseNote: `Rolled back to v${input.version}.${reason ? ` ${reason}` : ""}`,
      origin: { rolledBackTo: input.version },
      event: "process.rolledBack",
    });
  });
}

const versionKey = (processKey: string, version: number) => `${processKey}@${version}`;

/** Archived processes and deprecated versions with their reasons (small tables, read whole). */
export async function loadLifecycle(db: Database): Promise<{ archived: Map<string, string>; isDeprecated: (key: string, version: number) => string | undefined }> {
  const archived = new Map((await db.select().from(processArchives)).map((a) => [a.processKey, a.reason]));
  const deprecated = new Map((await db.select().from(versionDeprecations)).map((d) => [versionKey(d.processKey, d.version), d.reason]));
  return { archived, isDeprecated: (key, version) => deprecated.get(versionKey(key, version)) };
}

/** Why no new instance may start on this (latest) version, or null when it may. */
export async function startRefusal(db: Database, processKey: string, version: number, name: string): Promise<string | null> {
  const [archived] = await db.select().from(processArchives).where(eq(processArchives.processKey, processKey));
  if (archived) return `"${name}" is archived${archived.reason ? ` (${archived.reason})` : ""}: new requests cannot be started. An admin can unarchive it.`;
  const [deprecated] = await db
    .select()
    .from(versionDeprecations)
    .where(and(eq(versionDeprecations.processKey, processKey), eq(versionDeprecations.version, version)));
  if (deprecated) {
    return `Version ${version} of "${name}", the latest, is deprecated${deprecated.reason ? ` (${deprecated.reason})` : ""}: new requests cannot be started until an admin publishes a new version or rolls back to an earlier one.`;
  }
  return null;
}
