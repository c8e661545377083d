import { and, desc, eq } from "drizzle-orm";
import { packageVersions, users, type Database } from "@baton/db";
import {
  PACKAGE_FILE_FORMAT,
  PACKAGE_FILE_FORMAT_VERSION,
  PROCESS_SCHEMA_VERSION,
  packageFileSchema,
  type PackageFile,
} from "@baton/model";
import { requireRole, type Actor } from "./actor.ts";
import { canonicalJson, sha256 } from "./canonical-hash.ts";
import { invalidInput, notFound, UserError } from "./errors.ts";
import { checkPublishable } from "./publish.ts";
import { sealVersion, type SealResult } from "./seal-version.ts";
import { toIso } from "./time.ts";

/**
 * Export and import of a published version as one JSON file (format in
 * @baton/model package-file.ts). The import trusts nothing: the file must
 * be a Baton package of a format this server reads, its checksum must match
 * every field, its hash must match the process and forms it carries, and
 * the process must be valid here. Then it is sealed like any publish: as
 * the key's next version — keeping the file's own number when that is
 * higher than every version on this server, so v5 stays v5 when moved to an
 * empty server — or not at all when the latest version already has the same
 * content. The publisher here is whoever imports; the original publisher,
 * number and time are kept in the version's origin.
 */
const packageHash = (definition: unknown, forms: unknown) => sha256(canonicalJson({ definition, forms }));
const fileChecksum = (file: Omit<PackageFile, "checksum">) => sha256(canonicalJson(file));

export async function exportPackage(db: Database, actor: Actor, input: { processKey: string; version?: number }): Promise<PackageFile> {
  requireRole(actor, ["admin", "analyst"], "export processes");
  const where = input.version === undefined ? eq(packageVersions.processKey, input.processKey) : and(eq(packageVersions.processKey, input.processKey), eq(packageVersions.version, input.version));
  const [row] = await db
    .select({ v: packageVersions, by: users.username })
    .from(packageVersions)
    .leftJoin(users, eq(users.id, packageVersions.publishedBy))
    .where(where)
    .orderBy(desc(packageVersions.version))
    .limit(1);
  if (!row) throw notFound(input.version === undefined ? `Published process "${input.processKey}"` : `Version ${input.version} of process "${input.processKey}"`);
  const definition = row.v.definition as Record<string, unknown>;
  const body: Omit<PackageFile, "checksum"> = {
    format: PACKAGE_FILE_FORMAT,
    formatVersion: PACKAGE_FILE_FORMAT_VERSION,
    processKey: row.v.processKey,
    version: row.v.version,
    name: row.v.name,
    label: row.v.label,
    releaseNote: row.v.releaseNote,
    hash: row.v.hash,
    definition,
    forms: row.v.forms as PackageFile["forms"],
    bpmnXml: row.v.bpmnXml,
    usedBlocks: (definition.usedBlocks as PackageFile["usedBlocks"] | undefined) ?? [],
    publishedBy: row.by,
    publishedAt: toIso(row.v.publishedAt),
    exportedAt: new Date().toISOString(),
  };
  return { ...body, checksum: fileChecksum(body) };
}

const refuse = (reason: string) => invalidInput(`This package file cannot be imported: ${reason}`);

/** Checks a parsed file and returns it typed, or throws the first reason it cannot be imported. */
export function verifyPackageFile(input: unknown): PackageFile {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw refuse("it is not a JSON object.");
  const raw = input as Record<string, unknown>;
  if (raw.format !== PACKAGE_FILE_FORMAT) throw refuse(`it is not a Baton package (its "format" is ${JSON.stringify(raw.format ?? null)}, expected "${PACKAGE_FILE_FORMAT}").`);
  if (raw.formatVersion !== PACKAGE_FILE_FORMAT_VERSION) {
    const newer = typeof raw.formatVersion === "number" && raw.formatVersion > PACKAGE_FILE_FORMAT_VERSION;
    throw refuse(`it has file format ${JSON.stringify(raw.formatVersion ?? null)}, and this Baton reads format ${PACKAGE_FILE_FORMAT_VERSION}${newer ? " (it was exported by a newer Baton: upgrade this server first)" : ""}.`);
  }
  const parsed = packageFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(`"${issue.path.join(".") || "the file"}" ${issue.message.toLowerCase()}.`);
  }
  const file = parsed.data;
  const { checksum, ...body } = file;
  if (fileChecksum(body) !== checksum) throw refuse("it was changed after it was exported (its checksum does not match its content).");
  if (packageHash(file.definition, file.forms) !== file.hash) throw refuse("its process or forms do not match its hash (the content was altered).");
  const schemaVersion = file.definition.schemaVersion;
  if (schemaVersion !== PROCESS_SCHEMA_VERSION) {
    throw refuse(`its process has schema version ${JSON.stringify(schemaVersion ?? null)}, and this Baton reads version ${PROCESS_SCHEMA_VERSION}.`);
  }
  if (file.definition.key !== file.processKey) throw refuse(`it says process "${file.processKey}" but carries "${String(file.definition.key)}".`);
  return file;
}

export type ImportResult = SealResult & { fileVersion: number };

export async function importPackage(db: Database, actor: Actor, input: unknown): Promise<ImportResult> {
  requireRole(actor, ["admin", "analyst"], "import processes");
  const file = verifyPackageFile(input);
  let definition;
  try {
    definition = checkPublishable(file.definition);
  } catch (error) {
    if (error instanceof UserError) throw new UserError("INVALID_PROCESS", `This package file cannot be imported: ${error.message}`, { problems: error.problems });
    throw error;
  }
  // Defaults the schema fills in must not change what was hashed: keep the file's own content.
  if (packageHash(definition, file.forms) !== file.hash) throw refuse("its process is not in the canonical form Baton publishes (was it edited by hand?).");
  const result = await db.transaction((tx) =>
    sealVersion(tx, actor, {
      definition,
      forms: file.forms,
      hash: file.hash,
      bpmnXml: file.bpmnXml,
      label: file.label,
      releaseNote: file.releaseNote,
      origin: { imported: { version: file.version, hash: file.hash, publishedBy: file.publishedBy, publishedAt: file.publishedAt } },
      wantedVersion: file.version,
      event: "process.imported",
    }),
  );
  return { ...result, fileVersion: file.version };
}
