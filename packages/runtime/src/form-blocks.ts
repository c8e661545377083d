import { desc, eq, sql } from "drizzle-orm";
import { auditEvents, formBlocks, type Database } from "@baton/db";
import {
  FORM_BLOCK_FORMAT_VERSION,
  FormBlockKeyClashError,
  followFormBlock,
  formBlockDocumentSchema,
  formBlockUsages,
  hasErrors,
  validateFormBlock,
  type FormBlockDocument,
  type FormDefinition,
  type ProcessDefinition,
} from "@baton/model";
import { requireRole, type Actor } from "./actor.ts";
import { getDraft, rowsOf, saveDraft } from "./drafts.ts";
import { conflict, invalidInput, notFound, UserError } from "./errors.ts";

/**
 * The shared library of form blocks, shaped like the process block library:
 * every save adds an immutable version, saves are optimistic (the caller
 * names the version it edited, `null` for a new key) and serialised per key
 * with an advisory lock. Everyone signed in may list and read blocks; only
 * analysts and admins save them, trace their use and follow new versions.
 */
const EDITORS = ["admin", "analyst"] as const;

export type FormBlockVersionView = {
  key: string;
  version: number;
  name: string;
  description: string;
  block: FormBlockDocument;
  createdAt: string;
  createdBy: string | null;
};

export type FormBlockUse = { stepId: string; sectionId: string; version: number };
export type FormBlockUsageReport = {
  drafts: { processKey: string; name: string; draftVersion: number; uses: FormBlockUse[] }[];
  published: { processKey: string; name: string; version: number; uses: FormBlockUse[] }[];
};

export type SaveFormBlockInput = {
  key: string;
  name: string;
  description?: string;
  blocks: unknown;
  expectedVersion: number | null;
};

type Row = { key: string; version: number; name: string; description: string; content: FormBlockDocument; created_at: string | Date; username: string | null };
const columns = sql`b.key, b.version, b.name, b.description, b.content, b.created_at, u.username`;
const toView = (row: Row): FormBlockVersionView => ({
  key: row.key,
  version: row.version,
  name: row.name,
  description: row.description,
  block: row.content,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.username,
});

/** The latest version of every form block, by name. */
export async function listFormBlocks(db: Database, _actor: Actor): Promise<FormBlockVersionView[]> {
  const result = await db.execute(sql`
    select ${columns} from (select distinct on (key) * from form_blocks order by key, version desc) b
    left join users u on u.id = b.created_by order by lower(b.name), b.key`);
  return rowsOf<Row>(result).map(toView);
}

/** One version of a form block; the latest when `version` is left out. */
export async function getFormBlock(db: Database, _actor: Actor, key: string, version?: number): Promise<FormBlockVersionView> {
  const result = await db.execute(sql`
    select ${columns} from form_blocks b left join users u on u.id = b.created_by
    where b.key = ${key} ${version === undefined ? sql`` : sql`and b.version = ${version}`}
    order by b.version desc limit 1`);
  const [row] = rowsOf<Row>(result);
  if (!row) throw notFound(version === undefined ? `Form block "${key}"` : `Version ${version} of form block "${key}"`);
  return toView(row);
}

/** Saves the next version of a form block whose latest is `expectedVersion`; `null` creates the key. */
export async function saveFormBlock(db: Database, actor: Actor, input: SaveFormBlockInput): Promise<{ key: string; version: number; createdAt: string }> {
  requireRole(actor, [...EDITORS], "save form blocks");
  const candidate = { formatVersion: FORM_BLOCK_FORMAT_VERSION, key: input.key, name: input.name, description: input.description ?? "", blocks: input.blocks };
  const problems = validateFormBlock(candidate);
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === "error");
    throw new UserError(
      "INVALID_PROCESS",
      `The form block "${input.name.trim() || input.key}" cannot be saved: ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix first (${errors[0]!.message}${errors.length > 1 ? " …" : ""}).`,
      { problems },
    );
  }
  const block = formBlockDocumentSchema.parse(candidate);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`baton.form-block.${block.key}`}))`);
    const [last] = await tx
      .select({ version: formBlocks.version, name: formBlocks.name })
      .from(formBlocks)
      .where(eq(formBlocks.key, block.key))
      .orderBy(desc(formBlocks.version))
      .limit(1);
    if (input.expectedVersion === null && last) {
      throw conflict(
        `A form block with the key "${block.key}" already exists ("${last.name}", version ${last.version}). Save it as version ${last.version + 1} of that block, or choose another key.`,
      );
    }
    if (input.expectedVersion !== null && !last) throw notFound(`Form block "${block.key}"`);
    if (last && input.expectedVersion !== last.version) {
      throw conflict(
        `Form block "${last.name}" was saved elsewhere (now version ${last.version}, you started from version ${input.expectedVersion}). Nothing was overwritten: reload it and save again.`,
      );
    }
    const version = (last?.version ?? 0) + 1;
    const createdAt = new Date().toISOString();
    await tx.insert(formBlocks).values({ key: block.key, version, name: block.name, description: block.description, content: block, createdBy: actor.userId, createdAt });
    await tx.insert(auditEvents).values({ actorId: actor.userId, type: "formBlock.saved", data: { key: block.key, version } });
    return { key: block.key, version, createdAt };
  });
}

/** A form section anywhere in the definition's steps carries `block.key = key`. */
const usesFormBlock = (definition: unknown, key: string) =>
  sql`jsonb_path_exists(${definition}, '$.steps[*].form.** ? (@.type == "section" && @.block.key == $key)', jsonb_build_object('key', ${key}::text))`;

/** The drafts and published versions whose forms hold a section inserted from the block. */
export async function formBlockUsage(db: Database, actor: Actor, key: string): Promise<FormBlockUsageReport> {
  requireRole(actor, [...EDITORS], "see where form blocks are used");
  const usesOf = (definition: ProcessDefinition) =>
    formBlockUsages(definition)
      .filter((u) => u.key === key)
      .map(({ stepId, sectionId, version }) => ({ stepId, sectionId, version }));
  const drafts = rowsOf<{ key: string; name: string; version: number; definition: ProcessDefinition }>(
    await db.execute(sql`select d.key, d.name, d.version, d.definition from process_drafts d where ${usesFormBlock(sql`d.definition`, key)} order by d.key`),
  );
  const published = rowsOf<{ process_key: string; name: string; version: number; definition: ProcessDefinition }>(
    await db.execute(sql`
      select pv.process_key, pv.name, pv.version, pv.definition from package_versions pv
      where ${usesFormBlock(sql`pv.definition`, key)} order by pv.process_key, pv.version desc`),
  );
  return {
    drafts: drafts.map((r) => ({ processKey: r.key, name: r.name, draftVersion: r.version, uses: usesOf(r.definition) })),
    published: published.map((r) => ({ processKey: r.process_key, name: r.name, version: r.version, uses: usesOf(r.definition) })),
  };
}

export type FollowFormBlockInput = { processKey: string; draftVersion: number; stepId: string; sectionId: string };

/**
 * Moves one block section of a draft's form to the block's latest version,
 * saved as the next draft version. Optimistic on the draft: a draft saved
 * since `draftVersion` is refused, never merged.
 */
export async function followFormBlockInDraft(
  db: Database,
  actor: Actor,
  input: FollowFormBlockInput,
): Promise<{ draftVersion: number; updatedAt: string; key: string; blockVersion: number }> {
  requireRole(actor, [...EDITORS], "edit process drafts");
  const draft = await getDraft(db, actor, input.processKey);
  if (draft.version !== input.draftVersion) {
    throw conflict(
      `The draft of "${draft.definition.name}" was saved elsewhere (now version ${draft.version}, you edited version ${input.draftVersion}). Nothing was changed: reload it and try again.`,
    );
  }
  const step = draft.definition.steps.find((s) => s.id === input.stepId);
  const form = step && "form" in step ? (step.form as FormDefinition | undefined) : undefined;
  if (!step || !form) throw notFound(`A form on step "${input.stepId}" of process "${input.processKey}"`);
  const section = formBlockUsages({ ...draft.definition, steps: [step] }).find((u) => u.sectionId === input.sectionId);
  if (!section) throw notFound(`A form block section "${input.sectionId}" on step "${input.stepId}"`);
  const latest = await getFormBlock(db, actor, section.key);
  let next: FormDefinition;
  try {
    next = followFormBlock(form, input.sectionId, latest.block, latest.version);
  } catch (error) {
    if (error instanceof FormBlockKeyClashError) throw invalidInput(error.message);
    throw error;
  }
  const definition = { ...draft.definition, steps: draft.definition.steps.map((s) => (s.id === step.id ? { ...s, form: next } : s)) };
  const saved = await saveDraft(db, actor, { key: input.processKey, expectedVersion: input.draftVersion, definition });
  return { draftVersion: saved.version, updatedAt: saved.updatedAt, key: section.key, blockVersion: latest.version };
}
