import { desc, eq } from "drizzle-orm";
import { packageVersions, processDrafts, type Database } from "@baton/db";
import { diffPackages, diffMarkers, processDefinitionSchema, releaseNoteOf, type DiffMarker, type PackageDiff } from "@baton/model";
import { requireRole, type Actor } from "./actor.ts";
import { notFound } from "./errors.ts";
import { getVersion, type PublishedVersion } from "./publish.ts";
import { toIso } from "./time.ts";

/**
 * What changed between two published versions of a process (either order:
 * `from` is the older side of the comparison as the caller means it), with
 * both diagrams and their highlights for the side-by-side view, and the
 * diff in words. `draftDiff` compares the draft with the latest version:
 * the release note the publish dialog proposes.
 */
export type VersionSide = Pick<PublishedVersion, "version" | "name" | "hash" | "label" | "releaseNote" | "bpmnXml" | "deprecated"> & {
  publishedAt: string;
  publishedBy: string | null;
  markers: Record<string, DiffMarker>;
};

export type VersionDiff = { processKey: string; from: VersionSide; to: VersionSide; diff: PackageDiff; releaseNote: string };

export async function diffVersions(db: Database, actor: Actor, input: { processKey: string; from: number; to: number }): Promise<VersionDiff> {
  requireRole(actor, ["admin", "analyst"], "compare versions");
  const a = await getVersion(db, actor, input.processKey, input.from);
  const b = await getVersion(db, actor, input.processKey, input.to);
  const diff = diffPackages(a.definition, b.definition);
  const markers = diffMarkers(diff);
  return { processKey: input.processKey, from: side(a, markers.from), to: side(b, markers.to), diff, releaseNote: releaseNoteOf(diff) };
}

function side(v: PublishedVersion, markers: Record<string, DiffMarker>): VersionSide {
  return {
    version: v.version,
    name: v.name,
    hash: v.hash,
    label: v.label,
    releaseNote: v.releaseNote,
    bpmnXml: v.bpmnXml,
    deprecated: v.deprecated,
    publishedAt: toIso(v.publishedAt),
    publishedBy: v.publishedBy,
    markers,
  };
}

/** The draft against the latest published version: `latest` null for a process never published (its note is "First version."). */
export async function draftDiff(db: Database, actor: Actor, processKey: string): Promise<{ latest: number | null; diff: PackageDiff | null; releaseNote: string }> {
  requireRole(actor, ["admin", "analyst"], "compare a draft with its published version");
  const [draft] = await db.select({ definition: processDrafts.definition }).from(processDrafts).where(eq(processDrafts.key, processKey));
  if (!draft) throw notFound(`The draft of process "${processKey}"`);
  const parsed = processDefinitionSchema.safeParse(draft.definition);
  const [latest] = await db
    .select({ version: packageVersions.version, definition: packageVersions.definition })
    .from(packageVersions)
    .where(eq(packageVersions.processKey, processKey))
    .orderBy(desc(packageVersions.version))
    .limit(1);
  if (!latest) return { latest: null, diff: null, releaseNote: "First version." };
  // A draft that does not parse cannot be published either; the publish dialog shows its problems instead.
  if (!parsed.success) return { latest: latest.version, diff: null, releaseNote: "" };
  const diff = diffPackages(latest.definition as never, parsed.data);
  return { latest: latest.version, diff, releaseNote: releaseNoteOf(diff) };
}
