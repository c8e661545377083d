import { and, desc, eq, sql } from "drizzle-orm";
import { packageVersions, processDrafts, users, type Database } from "@baton/db";
import { processDefinitionSchema, validate, type ProcessDefinition } from "@baton/model";
import { requireRole, type Actor } from "./actor.ts";
import { conflict, invalidInput, notFound } from "./errors.ts";

/**
 * Process drafts: what the studio edits. Saves are optimistic: the caller
 * names the version it loaded, and a save against any other version is
 * refused (never merged), so a stale tab cannot overwrite newer work.
 */
const EDITORS = ["admin", "analyst"] as const;

export type ProcessListing = {
  key: string;
  name: string;
  description: string | null;
  draft: { version: number; updatedAt: string; updatedBy: string | null } | null;
  published: { version: number; publishedAt: string; publishedBy: string | null } | null;
  problemCount: number;
};

export async function listProcesses(db: Database, actor: Actor): Promise<ProcessListing[]> {
  requireRole(actor, [...EDITORS], "open the studio");
  const drafts = await db
    .select({ draft: processDrafts, updatedBy: users.username })
    .from(processDrafts)
    .leftJoin(users, eq(users.id, processDrafts.updatedBy));
  const latest = await db.execute(sql`
    select distinct on (pv.process_key) pv.process_key, pv.name, pv.version, pv.published_at, pv.definition->>'description' as description, u.username
    from package_versions pv left join users u on u.id = pv.published_by
    order by pv.process_key, pv.version desc`);
  const published = new Map(
    rowsOf<{ process_key: string; name: string; version: number; published_at: string | Date; description: string | null; username: string | null }>(latest).map((r) => [r.process_key, r]),
  );
  const keys = new Set([...drafts.map((d) => d.draft.key), ...published.keys()]);
  return [...keys].sort().map((key) => {
    const d = drafts.find((x) => x.draft.key === key);
    const p = published.get(key);
    const definition = d?.draft.definition as ProcessDefinition | undefined;
    return {
      key,
      name: d?.draft.name ?? p!.name,
      description: definition?.description ?? p?.description ?? null,
      draft: d ? { version: d.draft.version, updatedAt: d.draft.updatedAt, updatedBy: d.updatedBy } : null,
      published: p ? { version: p.version, publishedAt: new Date(p.published_at).toISOString(), publishedBy: p.username } : null,
      problemCount: d ? (d.draft.errorCount ?? countErrors(d.draft.definition)) : 0,
    };
  });
}

export async function getDraft(db: Database, actor: Actor, key: string) {
  requireRole(actor, [...EDITORS], "open process drafts");
  const [row] = await db
    .select({ draft: processDrafts, updatedBy: users.username })
    .from(processDrafts)
    .leftJoin(users, eq(users.id, processDrafts.updatedBy))
    .where(eq(processDrafts.key, key));
  if (!row) throw notFound(`The draft of process "${key}"`);
  return {
    key: row.draft.key,
    version: row.draft.version,
    definition: row.draft.definition as ProcessDefinition,
    updatedAt: row.draft.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Saves a draft whose current version is `expectedVersion`; `null` creates it. */
export async function saveDraft(
  db: Database,
  actor: Actor,
  input: { key: string; expectedVersion: number | null; definition: unknown },
): Promise<{ version: number; updatedAt: string }> {
  requireRole(actor, [...EDITORS], "edit process drafts");
  // A draft may be incomplete, but it must have the definition's shape.
  const parsed = processDefinitionSchema.safeParse(input.definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidInput(`The process definition is malformed at ${issue.path.join(".") || "its root"}: ${issue.message}`);
  }
  if (parsed.data.key !== input.key) {
    throw invalidInput(`The definition's key "${parsed.data.key}" does not match the draft "${input.key}".`);
  }
  const now = new Date().toISOString();
  // Counted once per save, so listing the processes never re-checks every draft.
  const errorCount = countErrors(parsed.data);
  if (input.expectedVersion === null) {
    const inserted = await db
      .insert(processDrafts)
      .values({ key: input.key, name: parsed.data.name, definition: parsed.data, updatedBy: actor.userId, updatedAt: now, errorCount })
      .onConflictDoNothing()
      .returning({ version: processDrafts.version });
    if (!inserted[0]) throw conflict(`A draft of process "${input.key}" already exists; open it instead.`);
    return { version: inserted[0].version, updatedAt: now };
  }
  const [row] = await db
    .update(processDrafts)
    .set({
      name: parsed.data.name,
      definition: parsed.data,
      errorCount,
      version: sql`${processDrafts.version} + 1`,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .where(and(eq(processDrafts.key, input.key), eq(processDrafts.version, input.expectedVersion)))
    .returning({ version: processDrafts.version });
  if (row) return { version: row.version, updatedAt: now };
  const [current] = await db.select({ version: processDrafts.version }).from(processDrafts).where(eq(processDrafts.key, input.key));
  if (!current) throw notFound(`The draft of process "${input.key}"`);
  throw conflict(
    `The draft of "${parsed.data.name}" was saved elsewhere (now version ${current.version}, you edited version ${input.expectedVersion}). Nothing was overwritten: reload it, or keep your copy and re-apply your changes.`,
  );
}

function countErrors(definition: unknown): number {
  return validate(definition).filter((p) => p.severity === "error").length;
}

export async function latestPackageVersion(db: Database, key: string) {
  const [row] = await db
    .select()
    .from(packageVersions)
    .where(eq(packageVersions.processKey, key))
    .orderBy(desc(packageVersions.version))
    .limit(1);
  return row;
}

/** Rows of a raw `db.execute`, the same on both drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
