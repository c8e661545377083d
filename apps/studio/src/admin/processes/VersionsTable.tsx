import { formatDateTime, formatRelativeTime } from "../../lib/format-time.ts";
import type { ProcessOverview } from "../admin-api.ts";

/** A process's versions, newest first, with the work on each. */
export function VersionsTable({ process }: { process: ProcessOverview }) {
  if (process.versions.length === 0) {
    return (
      <div className="panel">
        <p className="admin-empty-line">Not published yet: the draft becomes version 1 when it is published from the designer.</p>
      </div>
    );
  }
  return (
    <div className="panel table-panel admin-table-scroll">
      <table className="table admin-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col" className="num">
              Running
            </th>
            <th scope="col" className="num">
              Finished
            </th>
          </tr>
        </thead>
        <tbody>
          {process.versions.map((v, index) => (
            <tr key={v.version}>
              <th scope="row" className="version-cell">
                Version {v.version}
                {index === 0 && <span className="tag tag-published">Latest</span>}
              </th>
              <td title={formatDateTime(v.publishedAt)}>
                {formatRelativeTime(v.publishedAt)}
                {v.publishedBy ? ` by ${v.publishedBy}` : ""}
              </td>
              <td className="num">{v.running}</td>
              <td className="num">{v.finished}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
