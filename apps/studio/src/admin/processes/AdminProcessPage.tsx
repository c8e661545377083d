import { useQuery } from "@tanstack/react-query";
import { Archive, ArchiveRestore, ArrowLeft, ArrowRightLeft, GitCompare, SearchX, Upload } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Link, Route, Routes, useParams } from "react-router";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorState } from "../../ui/ErrorState.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { adminQueryKeys, type ProcessOverview } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { CompareVersions } from "./CompareVersions.tsx";
import { InstancesPanel } from "./InstancesPanel.tsx";
import { LifecycleDialog, type LifecycleAction } from "./LifecycleDialog.tsx";
import { PublishDialog } from "./PublishDialog.tsx";
import { MigrationWizard } from "./migration/MigrationWizard.tsx";
import { PublishersPanel } from "./PublishersPanel.tsx";
import { VersionsTable } from "./VersionsTable.tsx";
import "./versions.css";

/**
 * `/admin/processes/:key`: one process's versions (label, release note,
 * state, what runs on each) with publish, deprecate, roll back and archive,
 * its instances (cancel one), and who may publish it; `…/compare` compares two versions.
 */
export function AdminProcessPage() {
  const { key = "" } = useParams();
  const api = useAdminApi();
  const processes = useQuery({ queryKey: adminQueryKeys.processes, queryFn: api.processes });
  const back = (
    <Link to="/admin/processes" className="back-link">
      <ArrowLeft size={14} aria-hidden="true" /> All processes
    </Link>
  );
  if (processes.isPending) {
    return (
      <div className="panel">
        <Spinner label="Loading the process…" />
      </div>
    );
  }
  if (processes.isError) {
    return (
      <div className="panel">
        <ErrorState title="The process could not be loaded" error={processes.error} onRetry={() => void processes.refetch()} />
      </div>
    );
  }
  const process = processes.data.find((p) => p.key === key);
  if (!process) {
    return (
      <div className="panel">
        <EmptyState icon={<SearchX size={28} />} title="There is no such process">
          <p>
            Nothing is known under the key <code>{key}</code>.
          </p>
          <p>{back}</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <Routes>
      <Route path="compare" element={<CompareVersions process={process} />} />
      <Route path="migrate" element={<MigrationWizard process={process} />} />
      <Route path="*" element={<ProcessVersions process={process} back={back} />} />
    </Routes>
  );
}

function ProcessVersions({ process, back }: { process: ProcessOverview; back: ReactNode }) {
  const [action, setAction] = useState<LifecycleAction | null>(null);
  const [publishing, setPublishing] = useState(false);
  const running = process.versions.slice(1).reduce((n, v) => n + v.running, 0);
  return (
    <div className="admin-stack">
      <div>
        {back}
        <div className="section-header">
          <div>
            <h2 className="section-title admin-process-title">{process.name}</h2>
            <div className="row-sub process-state-line">
              <code>{process.key}</code> · {process.versions.length === 0 ? "not published yet" : `${process.versions.length} version${process.versions.length === 1 ? "" : "s"}`} ·{" "}
              <Link to={`/processes/${encodeURIComponent(process.key)}`}>Open in the designer</Link>
              {process.archived !== null && (
                <span className="tag tag-warning" title={process.archived || undefined}>
                  Archived{process.archived ? `: ${process.archived}` : ""}
                </span>
              )}
            </div>
          </div>
          <div className="admin-header-actions">
            {process.hasDraft && (
              <Button variant="primary" icon={<Upload size={16} aria-hidden="true" />} onClick={() => setPublishing(true)}>
                Publish the draft
              </Button>
            )}
            {process.versions.length > 1 && (
              <Link className="btn btn-secondary" to="compare">
                <GitCompare size={16} aria-hidden="true" />
                <span>Compare versions</span>
              </Link>
            )}
            {process.versions.length > 0 &&
              (process.archived === null ? (
                <Button icon={<Archive size={16} aria-hidden="true" />} onClick={() => setAction({ kind: "archive" })}>
                  Archive
                </Button>
              ) : (
                <Button icon={<ArchiveRestore size={16} aria-hidden="true" />} onClick={() => setAction({ kind: "unarchive" })}>
                  Unarchive
                </Button>
              ))}
          </div>
        </div>
      </div>
      <section aria-labelledby="versions-title">
        <h3 id="versions-title" className="subsection-title">
          Versions
        </h3>
        <VersionsTable process={process} onAction={setAction} />
        {process.versions.length > 1 && (
          <p className="migration-entry">
            <Link className="btn btn-secondary btn-sm" to={`/admin/processes/${encodeURIComponent(process.key)}/migrate`}>
              <ArrowRightLeft size={14} aria-hidden="true" />
              <span>Migrate instances</span>
            </Link>{" "}
            <span className="muted">{running === 0 ? "No instance runs on an older version." : `${running} instance${running === 1 ? "" : "s"} still run${running === 1 ? "s" : ""} on older versions.`}</span>
          </p>
        )}
      </section>
      <section aria-labelledby="instances-title">
        <h3 id="instances-title" className="subsection-title">
          Instances
        </h3>
        <InstancesPanel process={process} />
      </section>
      <section aria-labelledby="publishers-title">
        <h3 id="publishers-title" className="subsection-title">
          Who may publish
        </h3>
        <PublishersPanel processKey={process.key} />
      </section>
      {action && <LifecycleDialog process={process} action={action} onClose={() => setAction(null)} />}
      {publishing && <PublishDialog process={process} onClose={() => setPublishing(false)} />}
    </div>
  );
}
