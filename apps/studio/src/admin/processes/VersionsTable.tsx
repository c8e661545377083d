import { GitCompare, RotateCcw } from "lucide-react";
import { Link } from "react-router";
import { formatDateTime, formatRelativeTime } from "../../lib/format-time.ts";
import { Button } from "../../ui/Button.tsx";
import type { ProcessOverview, VersionOverview } from "../admin-api.ts";
import type { LifecycleAction } from "./LifecycleDialog.tsx";
import { DownloadPackageButton } from "./PackageButtons.tsx";

type Props = { process: ProcessOverview; onAction: (action: LifecycleAction) => void };

/** A process's versions, newest first: label, release note, state, the work on each, and what an admin can do with it. */
export function VersionsTable({ process, onAction }: Props) {
  if (process.versions.length === 0) {
    return (
      <div className="panel">
        <p className="admin-empty-line">Not published yet: the draft becomes version 1 when it is published.</p>
      </div>
    );
  }
  const latest = process.versions[0]!.version;
  return (
    <div className="panel table-panel admin-table-scroll">
      <table className="table admin-table versions-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">What changed</th>
            <th scope="col">Published</th>
            <th scope="col" className="num">
              Running
            </th>
            <th scope="col" className="num">
              Finished
            </th>
            <th scope="col" className="row-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {process.versions.map((v, index) => (
            <tr key={v.version} className={v.deprecated !== null ? "is-deprecated" : undefined}>
              <th scope="row" className="version-cell">
                Version {v.version}
                {index === 0 && <span className="tag tag-published">Latest</span>}
                {v.deprecated !== null && (
                  <span className="tag tag-warning" title={v.deprecated || undefined}>
                    Deprecated
                  </span>
                )}
                {v.label && <div className="version-label">{v.label}</div>}
              </th>
              <td className="release-note-cell">
                <ReleaseNote version={v} />
              </td>
              <td title={formatDateTime(v.publishedAt)}>
                {formatRelativeTime(v.publishedAt)}
                {v.publishedBy ? ` by ${v.publishedBy}` : ""}
              </td>
              <td className="num">{v.running}</td>
              <td className="num">{v.finished}</td>
              <td className="row-actions">
                {index < process.versions.length - 1 && (
                  <Link
                    className="btn btn-ghost btn-sm"
                    to={`compare?from=${process.versions[index + 1]!.version}&to=${v.version}`}
                    aria-label={`Compare version ${v.version} with version ${process.versions[index + 1]!.version}`}
                  >
                    <GitCompare size={14} aria-hidden="true" />
                    <span>Changes</span>
                  </Link>
                )}
                <DownloadPackageButton processKey={process.key} version={v.version} />
                {v.deprecated === null ? (
                  <Button size="sm" onClick={() => onAction({ kind: "deprecate", version: v.version, running: v.running, isLatest: index === 0 })} aria-label={`Deprecate version ${v.version}`}>
                    Deprecate
                  </Button>
                ) : (
                  <Button size="sm" onClick={() => onAction({ kind: "undeprecate", version: v.version })} aria-label={`Undeprecate version ${v.version}`}>
                    Undeprecate
                  </Button>
                )}
                {index > 0 && v.deprecated === null && (
                  <Button size="sm" icon={<RotateCcw size={14} aria-hidden="true" />} onClick={() => onAction({ kind: "rollback", version: v.version, latest })} aria-label={`Roll back to version ${v.version}`}>
                    Roll back
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The note's first line, the rest on demand; where the version came from when not a draft. */
function ReleaseNote({ version }: { version: VersionOverview }) {
  const lines = (version.releaseNote ?? "").split("\n").filter((l) => l.trim());
  const imported = version.origin?.imported;
  const from = imported ? <div className="row-sub">Imported from a file (version {imported.version} there{imported.publishedBy ? `, by ${imported.publishedBy}` : ""})</div> : null;
  if (lines.length === 0) {
    return (
      <>
        <span className="row-sub">No release note</span>
        {from}
      </>
    );
  }
  if (lines.length === 1) {
    return (
      <>
        <span className="release-note-line">{lines[0]!.replace(/^- /, "")}</span>
        {from}
      </>
    );
  }
  return (
    <details className="release-note">
      <summary>
        {lines[0]!.replace(/^- /, "")} <span className="row-sub">+{lines.length - 1} more</span>
      </summary>
      <ul>
        {lines.slice(1).map((line, i) => (
          <li key={i}>{line.replace(/^- /, "")}</li>
        ))}
      </ul>
      {from}
    </details>
  );
}
