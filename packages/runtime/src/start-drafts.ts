import { and, eq, sql } from "drizzle-orm";
import { startDrafts, type Database } from "@baton/db";
import type { Actor } from "./actor.ts";
import { draftData } from "./draft-data.ts";
import { conflict, invalidInput } from "./errors.ts";
import { startablePackage } from "./start-instance.ts";
import { toIso } from "./time.ts";

/**
 * Start drafts: what a participant typed into a process's start form before
 * pressing Start, one per user and process, so the form survives a reload
 * or a change of device. Like task drafts they are saved optimistically (a
 * save or discard from a stale window is refused and nothing is
 * overwritten) and hold no values of fields the rules hide. Only the
 * starter's own draft is ever read or written, and only for a process they
 * may start now. Starting the process deletes the draft in the start's own
 * transaction (`start-instance.ts`).
 */
export type StartDraft = { data: Record<string, unknown>; version: number; updatedAt: string };

export async function getStartDraft(db: Database, actor: Actor, processKey: string): Promise<StartDraft | null> {
  await startablePackage(db, actor, processKey);
  const [row] = await db.select().from(startDrafts).where(ownDraft(actor, processKey));
  return row ? { data: row.data as Record<string, unknown>, version: row.version, updatedAt: toIso(row.updatedAt) } : null;
}

export async function saveStartDraft(
  db: Database,
  actor: Actor,
  input: { processKey: string; data: unknown; expectedVersion: number | null },
  now = new Date(),
): Promise<{ version: number; updatedAt: string }> {
  const { pkg, form } = await startablePackage(db, actor, input.processKey);
  if (!form) throw invalidInput(`"${pkg.definition.name}" has no start form, so there is no draft to save.`);
  const data = draftData(form, input.data, `A draft of the start form of "${pkg.definition.name}"`);
  const at = now.toISOString();
  if (input.expectedVersion === null) {
    const [row] = await db
      .insert(startDrafts)
      .values({ userId: actor.userId, processKey: input.processKey, data, createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .returning({ version: startDrafts.version });
    if (row) return { version: row.version, updatedAt: at };
  } else {
    const [row] = await db
      .update(startDrafts)
      .set({ data, version: sql`${startDrafts.version} + 1`, updatedAt: at })
      .where(and(ownDraft(actor, input.processKey), eq(startDrafts.version, input.expectedVersion)))
      .returning({ version: startDrafts.version });
    if (row) return { version: row.version, updatedAt: at };
  }
  throw staleDraft(await currentVersion(db, actor, input.processKey), pkg.definition.name, "Nothing was overwritten");
}

/**
 * Deletes the draft the page loaded or last saved (`expectedVersion`). A
 * draft saved since in another window is newer work the user has not seen,
 * so it is not discarded; a draft already gone is fine.
 */
export async function discardStartDraft(
  db: Database,
  actor: Actor,
  input: { processKey: string; expectedVersion: number },
): Promise<{ discarded: boolean }> {
  const { pkg } = await startablePackage(db, actor, input.processKey);
  const deleted = await db
    .delete(startDrafts)
    .where(and(ownDraft(actor, input.processKey), eq(startDrafts.version, input.expectedVersion)))
    .returning({ version: startDrafts.version });
  if (deleted.length > 0) return { discarded: true };
  const current = await currentVersion(db, actor, input.processKey);
  if (!current) return { discarded: false };
  throw staleDraft(current, pkg.definition.name, "Nothing was discarded");
}

const ownDraft = (actor: Actor, processKey: string) => and(eq(startDrafts.userId, actor.userId), eq(startDrafts.processKey, processKey));

async function currentVersion(db: Database, actor: Actor, processKey: string) {
  const [current] = await db
    .select({ version: startDrafts.version, updatedAt: startDrafts.updatedAt })
    .from(startDrafts)
    .where(ownDraft(actor, processKey));
  return current;
}

function staleDraft(current: { version: number; updatedAt: string } | undefined, name: string, outcome: string) {
  return conflict(
    current
      ? `Your draft of "${name}" was changed in another window (draft version ${current.version}, saved ${toIso(current.updatedAt)}). ${outcome}: reload to see the latest version.`
      : `Your draft of "${name}" was removed in another window (discarded, or the process was started from it). ${outcome}: reload to continue.`,
  );
}
