import { eq } from "drizzle-orm";
import { packageVersions, processDrafts, type Database } from "@baton/db";
import { exportBpmn, hasErrors, importBpmn, processKeySchema, type BpmnImportReport, type ProcessDefinition } from "@baton/model";
import { requireRole, type Actor } from "./actor.ts";
import { latestPackageVersion, saveDraft } from "./drafts.ts";
import { conflict, invalidInput, notFound } from "./errors.ts";
import { getVersion, publishDraft } from "./publish.ts";

/**
 * BPMN files in and out of the store. An import always creates a new draft
 * (never overwrites one): under the key asked for, which must be free, or
 * under the file's key with `-2`, `-3`… appended when that is taken. With
 * `publish`, a draft without errors is published at once; one with errors
 * stays a draft and the outcome says why. An export takes a published
 * version when one is named, else the draft, else the latest version.
 */
const EDITORS = ["admin", "analyst"] as const;

export type BpmnImportInput = {
  xml: string;
  /** The key for the new draft; default: derived from the file, made free. */
  key?: string;
  /** Which process of the file, by id, when it holds several. */
  processId?: string;
  publish?: boolean;
};

export type BpmnImportOutcome = {
  key: string;
  draftVersion: number;
  published: { version: number; hash: string; created: boolean } | null;
  /** Why a requested publish did not happen. */
  notPublished?: string;
  report: BpmnImportReport;
};

export async function importBpmnDraft(db: Database, actor: Actor, input: BpmnImportInput): Promise<BpmnImportOutcome> {
  requireRole(actor, [...EDITORS], "import BPMN files");
  if (input.key !== undefined && !processKeySchema.safeParse(input.key).success) {
    throw invalidInput(`"${input.key}" cannot be a process key: use lower-case letters, digits and -, starting with a letter (2 to 63 characters).`);
  }
  const { definition, report } = await importBpmn(input.xml, input.processId ? { processId: input.processId } : {});
  if (!definition) throw invalidInput(report.error?.message ?? "The file could not be imported.");

  if (input.key !== undefined && (await keyTaken(db, input.key))) {
    throw conflict(`A process with the key "${input.key}" already exists; import under another key.`);
  }
  const key = input.key ?? (await freeKey(db, definition.key));
  if (input.key === undefined && key !== definition.key) {
    report.warnings.push(`The key "${definition.key}" is taken; the draft was saved as "${key}".`);
  }
  const draft: ProcessDefinition = { ...definition, key };
  const saved = await saveDraft(db, actor, { key, expectedVersion: null, definition: draft });
  const outcome: BpmnImportOutcome = { key, draftVersion: saved.version, published: null, report };
  if (!input.publish) return outcome;
  const errors = report.problems.filter((p) => p.severity === "error").length;
  if (hasErrors(report.problems)) {
    outcome.notPublished = `The draft has ${errors} error${errors === 1 ? "" : "s"} to fix before it can be published (see problems); it was saved as a draft.`;
    return outcome;
  }
  const published = await publishDraft(db, actor, key);
  outcome.published = { version: published.version, hash: published.hash, created: published.created };
  return outcome;
}

export type BpmnExport = {
  key: string;
  /** What was exported: the draft, or a published version. */
  source: "draft" | "published";
  /** The draft's version or the published version number. */
  version: number;
  fileName: string;
  xml: string;
};

export async function exportProcessBpmn(db: Database, actor: Actor, input: { key: string; version?: number }): Promise<BpmnExport> {
  requireRole(actor, [...EDITORS], "export processes as BPMN");
  // A published version exports the XML sealed with it (older versions: made now).
  let found: { source: BpmnExport["source"]; version: number; definition: ProcessDefinition; sealedXml?: string | null } | undefined;
  if (input.version !== undefined) {
    const version = await getVersion(db, actor, input.key, input.version);
    found = { source: "published", version: version.version, definition: version.definition, sealedXml: version.bpmnXml };
  } else {
    const [draft] = await db.select().from(processDrafts).where(eq(processDrafts.key, input.key));
    if (draft) found = { source: "draft", version: draft.version, definition: draft.definition as ProcessDefinition };
    else {
      const latest = await latestPackageVersion(db, input.key);
      if (latest) found = { source: "published", version: latest.version, definition: latest.definition as ProcessDefinition, sealedXml: latest.bpmnXml };
    }
  }
  if (!found) throw notFound(`Process "${input.key}"`);
  const fileName = `${input.key}${found.source === "draft" ? "-draft" : `-v${found.version}`}.bpmn`;
  const { sealedXml, ...rest } = found;
  return { key: input.key, ...rest, fileName, xml: sealedXml ?? (await exportBpmn(found.definition)) };
}

async function keyTaken(db: Database, key: string): Promise<boolean> {
  const [draft] = await db.select({ key: processDrafts.key }).from(processDrafts).where(eq(processDrafts.key, key));
  if (draft) return true;
  const [version] = await db.select({ key: packageVersions.processKey }).from(packageVersions).where(eq(packageVersions.processKey, key)).limit(1);
  return !!version;
}

async function freeKey(db: Database, wanted: string): Promise<string> {
  if (!(await keyTaken(db, wanted))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${wanted.slice(0, 63 - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!(await keyTaken(db, candidate))) return candidate;
  }
}
