import { desc, eq, sql } from "drizzle-orm";
import { auditEvents, processBlocks, type Database } from "@baton/db";
import { BLOCK_SCHEMA_VERSION, blockSchema, hasErrors, validateBlock, type Block } from "@baton/model";
import { requireRole, type Actor } from "./actor.ts";
import { rowsOf } from "./drafts.ts";
import { conflict, notFound, UserError } from "./errors.ts";

/**
 * The shared library of process blocks. Every save adds an immutable
 * version (the database refuses updates); saves are optimistic like draft
 * saves: the caller names the version it started from (`null` for a new
 * key), and a save against any other version is refused, never merged.
 * Saves of one key are serialised with an advisory lock so numbers stay
 * monotonic with several servers. Processes record the block versions they
 * were built from in `usedBlocks`, which `blockUsage` reads back.
 */
const EDITORS = ["admin", "analyst"] as const;

export type BlockVersionView = {
  key: string;
  version: number;
  name: string;
  description: string;
  block: Block;
  createdAt: string;
  createdBy: string | null;
};

/** A block's latest version, and how many process drafts use any version of it. */
export type BlockListing = BlockVersionView & { usedBy: number };

export type BlockUsage = {
  drafts: { processKey: string; name: string; blockVersions: number[] }[];
  published: { processKey: string; name: string; version: number; blockVersions: number[] }[];
};

export type SaveBlockInput = {
  key: string;
  name: string;
  description?: string;
  steps: unknown;
  connections: unknown;
  expectedVersion: number | null;
};

type BlockRow = {
  key: string;
  version: number;
  name: string;
  description: string;
  content: Block;
  created_at: string | Date;
  username: string | null;
};

const blockColumns = sql`b.key, b.version, b.name, b.description, b.content, b.created_at, u.username`;

function toView(row: BlockRow): BlockVersionView {
  return {
    key: row.key,
    version: row.version,
    name: row.name,
    description: row.description,
    block: row.content,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.username,
  };
}

/** `usedBlocks` holds an entry for the key (any version). */
const usesBlock = (definition: unknown, key: unknown) =>
  sql`${definition} -> 'usedBlocks' @> jsonb_build_array(jsonb_build_object('key', ${key}::text))`;

export async function listBlocks(db: Database, actor: Actor): Promise<BlockListing[]> {
  requireRole(actor, [...EDITORS], "open the block library");
  const result = await db.execute(sql`
    select ${blockColumns},
      (select count(*)::int from process_drafts d where ${usesBlock(sql`d.definition`, sql`b.key`)}) as used_by
    from (select distinct on (key) * from process_blocks order by key, version desc) b
    left join users u on u.id = b.created_by
    order by lower(b.name), b.key`);
  return rowsOf<BlockRow & { used_by: number }>(result).map((row) => ({ ...toView(row), usedBy: row.used_by }));
}

/** One version of a block; the latest when `version` is left out. */
export async function getBlock(db: Database, actor: Actor, key: string, version?: number): Promise<BlockVersionView> {
  requireRole(actor, [...EDITORS], "open process blocks");
  const result = await db.execute(sql`
    select ${blockColumns} from process_blocks b left join users u on u.id = b.created_by
    where b.key = ${key} ${version === undefined ? sql`` : sql`and b.version = ${version}`}
    order by b.version desc limit 1`);
  const [row] = rowsOf<BlockRow>(result);
  if (!row) throw notFound(version === undefined ? `Block "${key}"` : `Version ${version} of block "${key}"`);
  return toView(row);
}

/** Saves the next version of a block whose latest is `expectedVersion`; `null` creates the key. */
export async function saveBlock(
  db: Database,
  actor: Actor,
  input: SaveBlockInput,
): Promise<{ key: string; version: number; createdAt: string }> {
  requireRole(actor, [...EDITORS], "save process blocks");
  const candidate = {
    schemaVersion: BLOCK_SCHEMA_VERSION,
    key: input.key,
    name: input.name,
    description: input.description ?? "",
    steps: input.steps,
    connections: input.connections,
  };
  const problems = validateBlock(candidate);
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === "error");
    throw new UserError(
      "INVALID_PROCESS",
      `The block "${input.name.trim() || input.key}" cannot be saved: ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix first (${errors[0]!.message}${errors.length > 1 ? " …" : ""}).`,
      { problems },
    );
  }
  const block = blockSchema.parse(candidate);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`baton.block.${block.key}`}))`);
    const [last] = await tx
      .select({ version: processBlocks.version, name: processBlocks.name })
      .from(processBlocks)
      .where(eq(processBlocks.key, block.key))
      .orderBy(desc(processBlocks.version))
      .limit(1);
    if (input.expectedVersion === null && last) {
      throw conflict(
        `A block with the key "${block.key}" already exists ("${last.name}", version ${last.version}). Save it as version ${last.version + 1} of that block, or choose another key.`,
      );
    }
    if (input.expectedVersion !== null && !last) throw notFound(`Block "${block.key}"`);
    if (last && input.expectedVersion !== last.version) {
      throw conflict(
        `Block "${last.name}" was saved elsewhere (now version ${last.version}, you started from version ${input.expectedVersion}). Nothing was overwritten: reload it and save again.`,
      );
    }
    const version = (last?.version ?? 0) + 1;
    const createdAt = new Date().toISOString();
    await tx.insert(processBlocks).values({
      key: block.key,
      version,
      name: block.name,
      description: block.description,
      content: block,
      createdBy: actor.userId,
      createdAt,
    });
    await tx.insert(auditEvents).values({ actorId: actor.userId, type: "block.saved", data: { key: block.key, version } });
    return { key: block.key, version, createdAt };
  });
}

/** The drafts and published process versions whose `usedBlocks` name the key. */
export async function blockUsage(db: Database, actor: Actor, key: string): Promise<BlockUsage> {
  requireRole(actor, [...EDITORS], "see where blocks are used");
  type Used = { used: { key: string; version: number }[] };
  const versionsOf = (row: Used) => [...new Set(row.used.filter((u) => u.key === key).map((u) => u.version))].sort((a, b) => a - b);
  const drafts = rowsOf<Used & { key: string; name: string }>(
    await db.execute(sql`
      select d.key, d.name, d.definition -> 'usedBlocks' as used from process_drafts d
      where ${usesBlock(sql`d.definition`, key)} order by d.key`),
  );
  const published = rowsOf<Used & { process_key: string; name: string; version: number }>(
    await db.execute(sql`
      select pv.process_key, pv.name, pv.version, pv.definition -> 'usedBlocks' as used from package_versions pv
      where ${usesBlock(sql`pv.definition`, key)} order by pv.process_key, pv.version desc`),
  );
  return {
    drafts: drafts.map((r) => ({ processKey: r.key, name: r.name, blockVersions: versionsOf(r) })),
    published: published.map((r) => ({ processKey: r.process_key, name: r.name, version: r.version, blockVersions: versionsOf(r) })),
  };
}
