import type { VersionSummary } from "../api/studio-types.ts";
import { formatRelativeTime } from "../lib/format-time.ts";

type Props = {
  versions: VersionSummary[];
  hasDraft: boolean;
  draftVersion: number | null;
  /** null = the draft */
  value: number | null;
  onChange: (version: number | null) => void;
};

/** Switches between the draft and the published versions (newest first). */
export function VersionSelect({ versions, hasDraft, draftVersion, value, onChange }: Props) {
  return (
    <label className="version-select">
      <span className="visually-hidden">Version to view</span>
      <select
        className="select"
        value={value === null ? "draft" : String(value)}
        onChange={(e) => onChange(e.target.value === "draft" ? null : Number(e.target.value))}
      >
        {hasDraft && <option value="draft">Draft{draftVersion !== null ? ` v${draftVersion}` : ""}</option>}
        {versions.length > 0 && (
          <optgroup label="Published (read-only)">
            {versions.map((v) => (
              <option key={v.version} value={String(v.version)}>
                Version {v.version} ({formatRelativeTime(v.publishedAt)})
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
