import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2, Plus, Workflow } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Link, useNavigate } from "react-router";
import { queryKeys } from "../api/query-keys.ts";
import type { ProcessSummary } from "../api/studio-types.ts";
import { api } from "../api/trpc-client.ts";
import { formatDateTime, formatRelativeTime } from "../lib/format-time.ts";
import { useDirectory } from "../process/use-directory.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { ErrorState } from "../ui/ErrorState.tsx";
import { Spinner } from "../ui/Spinner.tsx";
import { Button } from "../ui/Button.tsx";
import { ImportBpmnButton } from "./ImportBpmnButton.tsx";

// The dialog brings the model (zod) along: load it when asked for.
const NewProcessDialog = lazy(() => import("./NewProcessDialog.tsx").then((m) => ({ default: m.NewProcessDialog })));

/** All processes the studio knows, with where each stands; a row opens the process. */
export function ProcessListPage() {
  const processes = useQuery({ queryKey: queryKeys.processes, queryFn: api.processes });
  const { personName } = useDirectory();
  const [creating, setCreating] = useState(false);

  return (
    <main className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Processes</h1>
          <p className="page-lead">Drafts you are working on and the versions your teams run.</p>
        </div>
        <div className="page-actions">
          <ImportBpmnButton />
          <Button variant="primary" icon={<Plus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
            New process
          </Button>
        </div>
      </div>
      {creating && (
        <Suspense fallback={null}>
          <NewProcessDialog takenKeys={processes.data?.map((p) => p.key) ?? []} onClose={() => setCreating(false)} />
        </Suspense>
      )}
      {processes.isPending ? (
        <div className="panel">
          <Spinner label="Loading processes…" />
        </div>
      ) : processes.isError ? (
        <div className="panel">
          <ErrorState title="The processes could not be loaded" error={processes.error} onRetry={() => void processes.refetch()} />
        </div>
      ) : processes.data.length === 0 ? (
        <div className="panel">
          <EmptyState icon={<Workflow size={28} />} title="No processes yet">
            <p>
              Start one with “New process”, or ask your Baton administrator to load the ready-made templates.
            </p>
          </EmptyState>
        </div>
      ) : (
        <ProcessTable processes={processes.data} personName={personName} />
      )}
    </main>
  );
}

function ProcessTable({ processes, personName }: { processes: ProcessSummary[]; personName: (u: string | null) => string }) {
  const navigate = useNavigate();
  const sorted = [...processes].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="panel table-panel">
      <table className="table process-table">
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">Draft</th>
            <th scope="col">Published</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => {
            const href = `/processes/${encodeURIComponent(p.key)}`;
            return (
              // The whole row is clickable for the mouse; the name is the real link for keyboards.
              <tr key={p.key} className="clickable-row" onClick={() => navigate(href)}>
                <td>
                  <Link to={href} className="row-link" onClick={(e) => e.stopPropagation()}>
                    {p.name}
                  </Link>
                  <div className="row-sub">
                    <code>{p.key}</code>
                    {p.description && <span className="row-description"> · {p.description}</span>}
                  </div>
                </td>
                <td>
                  {p.draft ? (
                    <>
                      <span className="tag">v{p.draft.version}</span>
                      <div className="row-sub" title={formatDateTime(p.draft.updatedAt)}>
                        edited {formatRelativeTime(p.draft.updatedAt)} by {personName(p.draft.updatedBy)}
                      </div>
                    </>
                  ) : (
                    <span className="muted">No draft</span>
                  )}
                </td>
                <td>
                  {p.published ? (
                    <>
                      <span className="tag tag-published">Version {p.published.version}</span>
                      <div className="row-sub" title={formatDateTime(p.published.publishedAt)}>
                        {formatRelativeTime(p.published.publishedAt)} by {personName(p.published.publishedBy)}
                      </div>
                    </>
                  ) : (
                    <span className="muted">Not published</span>
                  )}
                </td>
                <td>
                  {p.problemCount > 0 ? (
                    <span className="count-badge is-error" title="Problems in the draft">
                      <AlertTriangle size={13} aria-hidden="true" /> {p.problemCount}
                      <span className="visually-hidden"> problems</span>
                    </span>
                  ) : (
                    <span className="count-badge is-ok" title="No problems in the draft">
                      <CheckCircle2 size={13} aria-hidden="true" /> 0<span className="visually-hidden"> problems</span>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
