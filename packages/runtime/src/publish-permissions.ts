import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditEvents, packageVersions, processDrafts, processPublishers, users, type Database } from "@baton/db";
import { requireRole, type Actor } from "./actor.ts";
import { conflict, forbidden, notFound } from "./errors.ts";
import { toIso } from "./time.ts";

/**
 * Who may publish a process. Admins always may. An analyst may publish a
 * process an admin has allowed them to (a row in process_publishers); the
 * analyst who publishes a key's very first version creates the process and
 * is allowed from then on. Participants never publish. Grants and
 * revocations are audited.
 */
export async function requirePublishPermission(db: Database, actor: Actor, processKey: string): Promise<void> {
  requireRole(actor, ["admin", "analyst"], "publish processes");
  if (actor.role === "admin") return;
  const [published] = await db.select({ id: packageVersions.id }).from(packageVersions).where(eq(packageVersions.processKey, processKey)).limit(1);
  if (!published) return;
  if (await hasGrant(db, processKey, actor.userId)) return;
  throw forbidden(`You may not publish "${processKey}": an admin allows analysts to publish each process. Ask an admin to add you as a publisher of this process in the admin console.`);
}

/** After an analyst published a new process's first version: they may publish it from then on. */
export async function grantCreatorPublish(db: Database, actor: Actor, processKey: string, version: number): Promise<void> {
  if (actor.role !== "analyst" || version !== 1) return;
  await db.insert(processPublishers).values({ processKey, userId: actor.userId, grantedBy: actor.userId }).onConflictDoNothing();
}

async function hasGrant(db: Database, processKey: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: processPublishers.userId })
    .from(processPublishers)
    .where(and(eq(processPublishers.processKey, processKey), eq(processPublishers.userId, userId)));
  return row !== undefined;
}

export type ProcessPublisher = { username: string; displayName: string; grantedBy: string | null; grantedAt: string };

/** Every grant, by process key: the analysts each process lets publish. */
export async function listPublishers(db: Database, actor: Actor): Promise<Record<string, ProcessPublisher[]>> {
  requireRole(actor, ["admin"], "see who may publish processes");
  const granter = alias(users, "granter");
  const rows = await db
    .select({ processKey: processPublishers.processKey, username: users.username, displayName: users.displayName, grantedBy: granter.username, grantedAt: processPublishers.grantedAt })
    .from(processPublishers)
    .innerJoin(users, eq(users.id, processPublishers.userId))
    .leftJoin(granter, eq(granter.id, processPublishers.grantedBy))
    .orderBy(asc(processPublishers.processKey), asc(users.username));
  const out: Record<string, ProcessPublisher[]> = {};
  for (const r of rows) (out[r.processKey] ??= []).push({ username: r.username, displayName: r.displayName, grantedBy: r.grantedBy, grantedAt: toIso(r.grantedAt) });
  return out;
}

/** Allows (`allowed`) or stops an analyst publishing one process. */
export async function setPublisher(db: Database, actor: Actor, input: { processKey: string; username: string; allowed: boolean }): Promise<void> {
  requireRole(actor, ["admin"], "decide who may publish processes");
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.username, input.username));
  if (!user) throw notFound(`User "${input.username}"`);
  if (!(await processExists(db, input.processKey))) throw notFound(`Process "${input.processKey}"`);
  if (input.allowed && user.role !== "analyst") {
    throw conflict(`"${input.username}" is ${user.role === "admin" ? "an admin and may publish every process already" : "a participant; only analysts can be allowed to publish"}.`);
  }
  await db.transaction(async (tx) => {
    const changed = input.allowed
      ? await tx.insert(processPublishers).values({ processKey: input.processKey, userId: user.id, grantedBy: actor.userId }).onConflictDoNothing().returning()
      : await tx
          .delete(processPublishers)
          .where(and(eq(processPublishers.processKey, input.processKey), eq(processPublishers.userId, user.id)))
          .returning();
    if (changed.length === 0) return;
    await tx.insert(auditEvents).values({
      actorId: actor.userId,
      type: input.allowed ? "publisher.granted" : "publisher.revoked",
      data: { processKey: input.processKey, username: input.username },
    });
  });
}

async function processExists(db: Database, processKey: string): Promise<boolean> {
  const [draft] = await db.select({ key: processDrafts.key }).from(processDrafts).where(eq(processDrafts.key, processKey));
  if (draft) return true;
  const [version] = await db.select({ id: packageVersions.id }).from(packageVersions).where(eq(packageVersions.processKey, processKey)).limit(1);
  return version !== undefined;
}
