import { usePrefetchQuery, useQuery } from "@tanstack/react-query";
import type { ProcessDefinition } from "@baton/model";
import { readBatonError } from "../api/baton-error.ts";
import { queryKeys } from "../api/query-keys.ts";
import type { VersionSummary } from "../api/studio-types.ts";
import { api } from "../api/trpc-client.ts";
import { directoryQuery } from "./use-directory.ts";

/** What the page shows: the draft, or one published version (read-only). */
export type ProcessView =
  | { mode: "draft"; definition: ProcessDefinition; version: number; updatedAt: string; updatedBy: string | null }
  | { mode: "published"; definition: ProcessDefinition; version: number; publishedAt: string; publishedBy: string | null };

export type ProcessData =
  | { status: "loading" }
  | { status: "error"; error: unknown; retry: () => void }
  | { status: "ready"; view: ProcessView; hasDraft: boolean; versions: VersionSummary[] };

/**
 * Loads the draft, the list of published versions and, when asked for, one
 * published version. A process with no draft (only published versions)
 * opens on its latest version.
 */
export function useProcessData(key: string, requestedVersion: number | null): ProcessData {
  const draft = useQuery({ queryKey: queryKeys.draft(key), queryFn: () => api.draft(key) });
  const versions = useQuery({ queryKey: queryKeys.versions(key), queryFn: () => api.versions(key) });
  // Asked for together with the draft, so the canvas is drawn once, with the assignees' names.
  usePrefetchQuery(directoryQuery);
  const noDraft = draft.isError && readBatonError(draft.error).code === "NOT_FOUND";
  const shownVersion = requestedVersion ?? (noDraft ? (versions.data?.[0]?.version ?? null) : null);
  const version = useQuery({
    queryKey: queryKeys.version(key, shownVersion ?? 0),
    queryFn: () => api.version(key, shownVersion!),
    enabled: shownVersion !== null,
  });

  if (versions.isError) return { status: "error", error: versions.error, retry: () => void versions.refetch() };
  if (draft.isError && !noDraft) return { status: "error", error: draft.error, retry: () => void draft.refetch() };
  if (noDraft && versions.data?.length === 0) {
    return { status: "error", error: draft.error, retry: () => void draft.refetch() };
  }
  if (shownVersion !== null) {
    if (version.isError) return { status: "error", error: version.error, retry: () => void version.refetch() };
    if (!version.data || !versions.data) return { status: "loading" };
    const v = version.data;
    return {
      status: "ready",
      hasDraft: !noDraft,
      versions: versions.data,
      view: { mode: "published", definition: v.definition, version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedBy },
    };
  }
  if (!draft.data || !versions.data) return { status: "loading" };
  const d = draft.data;
  return {
    status: "ready",
    hasDraft: true,
    versions: versions.data,
    view: { mode: "draft", definition: d.definition, version: d.version, updatedAt: d.updatedAt, updatedBy: d.updatedBy },
  };
}
