import { and, desc, eq, sql } from "drizzle-orm";
import { auditEvents, packageVersions, processDrafts, users, type Database } from "@baton/db";
import { compileForm } from "@baton/forms";
import {
  approvalForm,
  exportBpmn,
  processDefinitionSchema,
  validate,
  type CompiledForm,
  type ProcessDefinition,
} from "@baton/model";
import { requireRole, type Actor } from "./actor.ts";
import { canonicalJson, sha256 } from "./canonical-hash.ts";
import { notFound, UserError } from "./errors.ts";
import { grantCreatorPublish, requirePublishPermission } from "./publish-permissions.ts";

/**
 * Publishing seals a valid definition into an immutable package version:
 * its forms compiled to JSON Schema + uiSchema, a content hash, and the next
 * version number for its key. Identical content publishes no new version.
 * Publishes of one key are serialised with a transaction-scoped advisory
 * lock, so version numbers stay monotonic with several servers.
 */
export type PublishResult = { processKey: string; version: number; hash: string; created: boolean };

export function compilePackageContent(definition: ProcessDefinition): { forms: Record<string, CompiledForm>; hash: string } {
  const forms: Record<string, CompiledForm> = {};
  for (const step of definition.steps) {
    if ((step.kind === "start" || step.kind === "userTask") && step.form) forms[step.id] = compileForm(step.form);
    if (step.kind === "approval") forms[step.id] = compileForm(approvalForm(step));
  }
  return { forms, hash: sha256(canonicalJson({ definition, forms })) };
}

export function checkPublishable(input: unknown): ProcessDefinition {
  const problems = validate(input);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    const name = (input as { name?: unknown })?.name;
    throw new UserError(
      "INVALID_PROCESS",
      `${typeof name === "string" ? `"${name}"` : "The process"} cannot be published: ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix first (${errors[0]!.message}${errors.length > 1 ? " …" : ""}).`,
      { problems },
    );
  }
  return processDefinitionSchema.parse(input);
}

export async function publishDefinition(db: Database, actor: Actor, input: unknown): Promise<PublishResult> {
  requireRole(actor, ["admin", "analyst"], "publish processes");
  const definition = checkPublishable(input);
  const { forms, hash } = compilePackageContent(definition);
  const bpmnXml = await exportBpmn(definition);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`baton.publish.${definition.key}`}))`);
    await requirePublishPermission(tx, actor, definition.key);
    const [same] = await tx
      .select({ version: packageVersions.version })
      .from(packageVersions)
      .where(and(eq(packageVersions.processKey, definition.key), eq(packageVersions.hash, hash)));
    if (same) return { processKey: definition.key, version: same.version, hash, created: false };
    const [last] = await tx
      .select({ version: packageVersions.version })
      .from(packageVersions)
      .where(eq(packageVersions.processKey, definition.key))
      .orderBy(desc(packageVersions.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    await tx.insert(packageVersions).values({
      processKey: definition.key,
      version,
      name: definition.name,
      hash,
      definition,
      forms,
      bpmnXml,
      publishedBy: actor.userId,
    });
    await tx.insert(auditEvents).values({
      actorId: actor.userId,
      type: "process.published",
      data: { processKey: definition.key, version, hash },
    });
    await grantCreatorPublish(tx, actor, definition.key, version);
    return { processKey: definition.key, version, hash, created: true };
  });
}

export async function publishDraft(db: Database, actor: Actor, key: string): Promise<PublishResult> {
  const [draft] = await db.select().from(processDrafts).where(eq(processDrafts.key, key));
  if (!draft) throw notFound(`The draft of process "${key}"`);
  return publishDefinition(db, actor, draft.definition);
}

export async function listVersions(db: Database, actor: Actor, key: string) {
  requireRole(actor, ["admin", "analyst"], "see published versions");
  const rows = await db
    .select({ v: packageVersions, by: users.username })
    .from(packageVersions)
    .leftJoin(users, eq(users.id, packageVersions.publishedBy))
    .where(eq(packageVersions.processKey, key))
    .orderBy(desc(packageVersions.version));
  return rows.map(({ v, by }) => ({ version: v.version, hash: v.hash, publishedAt: v.publishedAt, publishedBy: by }));
}

export async function getVersion(db: Database, actor: Actor, key: string, version: number) {
  requireRole(actor, ["admin", "analyst"], "see published versions");
  const [row] = await db
    .select({ v: packageVersions, by: users.username })
    .from(packageVersions)
    .leftJoin(users, eq(users.id, packageVersions.publishedBy))
    .where(and(eq(packageVersions.processKey, key), eq(packageVersions.version, version)));
  if (!row) throw notFound(`Version ${version} of process "${key}"`);
  return {
    version: row.v.version,
    hash: row.v.hash,
    definition: row.v.definition as ProcessDefinition,
    forms: row.v.forms as Record<string, CompiledForm>,
    bpmnXml: row.v.bpmnXml,
    publishedAt: row.v.publishedAt,
    publishedBy: row.by,
  };
}
