import { and, desc, eq } from "drizzle-orm";
import { packageVersions, processDrafts, users, type Database } from "@baton/db";
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
import type { VersionOrigin } from "./process-overview.ts";
import { sealVersion, type SealResult } from "./seal-version.ts";
import { loadLifecycle } from "./version-lifecycle.ts";

/**
 * Publishing seals a valid definition into an immutable package version:
 * its forms compiled to JSON Schema + uiSchema, a content hash, the BPMN
 * XML, and the next version number for its key (see `sealVersion`).
 * Content identical to the latest version publishes no new version; content
 * identical to an older one does (it becomes the latest, as in Camunda).
 */
export type PublishResult = SealResult;

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

/** What the publisher says about the version; both optional (the note defaults to the diff in words). */
export type PublishOptions = { label?: string | null; releaseNote?: string | null };

export async function publishDefinition(db: Database, actor: Actor, input: unknown, options: PublishOptions = {}): Promise<PublishResult> {
  requireRole(actor, ["admin", "analyst"], "publish processes");
  const definition = checkPublishable(input);
  const { forms, hash } = compilePackageContent(definition);
  const bpmnXml = await exportBpmn(definition);
  return db.transaction((tx) => sealVersion(tx, actor, { definition, forms, hash, bpmnXml, label: options.label, releaseNote: options.releaseNote, event: "process.published" }));
}

export async function publishDraft(db: Database, actor: Actor, key: string, options: PublishOptions = {}): Promise<PublishResult> {
  const [draft] = await db.select().from(processDrafts).where(eq(processDrafts.key, key));
  if (!draft) throw notFound(`The draft of process "${key}"`);
  return publishDefinition(db, actor, draft.definition, options);
}

export async function listVersions(db: Database, actor: Actor, key: string) {
  requireRole(actor, ["admin", "analyst"], "see published versions");
  const rows = await db
    .select({ v: packageVersions, by: users.username })
    .from(packageVersions)
    .leftJoin(users, eq(users.id, packageVersions.publishedBy))
    .where(eq(packageVersions.processKey, key))
    .orderBy(desc(packageVersions.version));
  const lifecycle = await loadLifecycle(db);
  return rows.map(({ v, by }) => ({
    version: v.version,
    hash: v.hash,
    publishedAt: v.publishedAt,
    publishedBy: by,
    label: v.label,
    releaseNote: v.releaseNote,
    origin: v.origin as VersionOrigin | null,
    deprecated: lifecycle.isDeprecated(key, v.version) ?? null,
  }));
}

export async function getVersion(db: Database, actor: Actor, key: string, version: number) {
  requireRole(actor, ["admin", "analyst"], "see published versions");
  const [row] = await db
    .select({ v: packageVersions, by: users.username })
    .from(packageVersions)
    .leftJoin(users, eq(users.id, packageVersions.publishedBy))
    .where(and(eq(packageVersions.processKey, key), eq(packageVersions.version, version)));
  if (!row) throw notFound(`Version ${version} of process "${key}"`);
  const lifecycle = await loadLifecycle(db);
  return {
    processKey: key,
    version: row.v.version,
    name: row.v.name,
    hash: row.v.hash,
    definition: row.v.definition as ProcessDefinition,
    forms: row.v.forms as Record<string, CompiledForm>,
    bpmnXml: row.v.bpmnXml,
    publishedAt: row.v.publishedAt,
    publishedBy: row.by,
    label: row.v.label,
    releaseNote: row.v.releaseNote,
    origin: row.v.origin as VersionOrigin | null,
    deprecated: lifecycle.isDeprecated(key, row.v.version) ?? null,
    archived: lifecycle.archived.get(key) ?? null,
  };
}

export type PublishedVersion = Awaited<ReturnType<typeof getVersion>>;
