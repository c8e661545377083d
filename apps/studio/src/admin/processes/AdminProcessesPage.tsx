import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { FileUp, Workflow } from "lucide-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { formatDateTime, formatRelativeTime } from "../../lib/format-time.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorState } from "../../ui/ErrorState.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { adminQueryKeys, type ProcessOverview } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { Button } from "../../ui/Button.tsx";
import { ImportPackageDialog } from "./PackageButtons.tsx";
import "./versions.css";

const sum = (process: ProcessOverview, field: "running" | "finished") => process.versions.reduce((n, v) => n + v[field], 0);

/** `/admin/processes`: every process with its latest version and how much work runs on it. */
export function AdminProcessesPage() {
  const api = useAdminApi();
  const processes = useQuery({ queryKey: adminQueryKeys.processes, queryFn: api.processes });
  const [importing, setImporting] = useState(false);
  return (
    <div className="admin-stack">
      <div className="admin-list-actions">
        <Button icon={<FileUp size={16} aria-hidden="true" />} onClick={() => setImporting(true)}>
          Import a package file
        </Button>
      </div>
      <ProcessList processes={processes} />
      {importing && <ImportPackageDialog onClose={() => setImporting(false)} />}
    </div>
  );
}

function ProcessList({ processes }: { processes: UseQueryResult<ProcessOverview[]> }) {
  const navigate = useNavigate();
  if (processes.isPending) {
    return (
      <div className="panel">
        <Spinner label="Loading processes…" />
      </div>
    );
  }
  if (processes.isError) {
    return (
      <div className="panel">
        <ErrorState title="The processes could not be loaded" error={processes.error} onRetry={() => void processes.refetch()} />
      </div>
    );
  }
  if (processes.data.length === 0) {
    return (
      <div className="panel">
        <EmptyState icon={<Workflow size={28} />} title="No processes yet">
          <p>Processes appear here once an analyst creates one in the studio.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="panel table-panel admin-table-scroll">
      <table className="table admin-table">
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">Latest version</th>
            <th scope="col" className="num">
              Versions
            </th>
            <th scope="col" className="num">
              Running
            </th>
            <th scope="col" className="num">
              Finished
            </th>
          </tr>
        </thead>
        <tbody>
          {processes.data.map((p) => {
            const href = `/admin/processes/${encodeURIComponent(p.key)}`;
            const latest = p.versions[0];
            return (
              <tr key={p.key} className="clickable-row" onClick={() => navigate(href)}>
                <td>
                  <Link to={href} className="row-link" onClick={(e) => e.stopPropagation()}>
                    {p.name}
                  </Link>
                  <div className="row-sub">
                    <code>{p.key}</code>
                    {p.archived !== null && <span className="tag tag-warning archived-tag">Archived</span>}
                  </div>
                </td>
                <td>
                  {latest ? (
                    <>
                      <span className="tag tag-published">Version {latest.version}</span>
                      <div className="row-sub" title={formatDateTime(latest.publishedAt)}>
                        {formatRelativeTime(latest.publishedAt)}
                        {latest.publishedBy ? ` by ${latest.publishedBy}` : ""}
                      </div>
                    </>
                  ) : (
                    <span className="muted">Draft only</span>
                  )}
                </td>
                <td className="num">{p.versions.length}</td>
                <td className="num">{sum(p, "running")}</td>
                <td className="num">{sum(p, "finished")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
