import { desc, eq, sql } from "drizzle-orm";
import { auditEvents, packageVersions, type Database } from "@baton/db";
import { diffPackages, releaseNoteOf, type CompiledForm, type ProcessDefinition } from "@baton/model";
import type { Actor } from "./actor.ts";
import { invalidInput } from "./errors.ts";
import { replaceStartTrigger } from "./messages/start-triggers.ts";
import { grantCreatorPublish, requirePublishPermission } from "./publish-permissions.ts";

/**
 * The one way a package version is written, for publishing a draft, rolling
 * back and importing a file alike. Inside the caller's transaction: a
 * transaction-scoped advisory lock per key (so numbers stay monotonic with
 * several servers), the publish permission, then either nothing — when the
 * latest version already has this content (same hash) — or a new row with
 * the next number (an import may keep its own number when it is higher),
 * its label and release note (by default, the diff against the latest in
 * words), an audit event, and the process's start trigger replaced by
 * the new version's (messages/start-triggers.ts). The row is never updated afterwards.
 */
export type SealInput = {
  definition: ProcessDefinition;
  forms: Record<string, CompiledForm>;
  hash: string;
  bpmnXml: string | null;
  label?: string | null;
  releaseNote?: string | null;
  origin?: Record<string, unknown> | null;
  /** Keep this number when it is higher than every version of the key (imports). */
  wantedVersion?: number;
  /** The audit event's type. */
  event: "process.published" | "process.rolledBack" | "process.imported";
};

export type SealResult = { processKey: string; version: number; hash: string; created: boolean };

export const LABEL_MAX = 60;
export const RELEASE_NOTE_MAX = 5000;

export function cleanLabel(label: string | null | undefined): string | null {
  const text = label?.trim() ?? "";
  if (text.length > LABEL_MAX) throw invalidInput(`The label is ${text.length} characters long; keep it to ${LABEL_MAX}.`);
  return text || null;
}

export function cleanReleaseNote(note: string | null | undefined): string | null {
  const text = note?.trim() ?? "";
  if (text.length > RELEASE_NOTE_MAX) throw invalidInput(`The release note is ${text.length} characters long; keep it to ${RELEASE_NOTE_MAX}.`);
  return text || null;
}

export async function sealVersion(tx: Database, actor: Actor, input: SealInput): Promise<SealResult> {
  const key = input.definition.key;
  const label = cleanLabel(input.label);
  const note = cleanReleaseNote(input.releaseNote);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`baton.publish.${key}`}))`);
  await requirePublishPermission(tx, actor, key);
  const [latest] = await tx
    .select({ version: packageVersions.version, hash: packageVersions.hash, definition: packageVersions.definition })
    .from(packageVersions)
    .where(eq(packageVersions.processKey, key))
    .orderBy(desc(packageVersions.version))
    .limit(1);
  if (latest?.hash === input.hash) return { processKey: key, version: latest.version, hash: input.hash, created: false };
  const next = (latest?.version ?? 0) + 1;
  const version = input.wantedVersion !== undefined && input.wantedVersion > next ? input.wantedVersion : next;
  const releaseNote = note ?? (latest ? releaseNoteOf(diffPackages(latest.definition as ProcessDefinition, input.definition)) : "First version.");
  const [row] = await tx.insert(packageVersions).values({
    processKey: key,
    version,
    name: input.definition.name,
    hash: input.hash,
    definition: input.definition,
    forms: input.forms,
    bpmnXml: input.bpmnXml,
    publishedBy: actor.userId,
    label,
    releaseNote,
    origin: input.origin ?? null,
  }).returning({ id: packageVersions.id });
  // The new latest version's message or timer start replaces the old one's.
  await replaceStartTrigger(tx, { processKey: key, packageVersionId: row!.id, definition: input.definition, activatedBy: actor.userId, now: new Date().toISOString() });
  await tx.insert(auditEvents).values({
    actorId: actor.userId,
    type: input.event,
    data: { processKey: key, version, hash: input.hash, ...(label ? { label } : {}), ...(input.origin ? { origin: input.origin } : {}) },
  });
  await grantCreatorPublish(tx, actor, key, version);
  return { processKey: key, version, hash: input.hash, created: true };
}
