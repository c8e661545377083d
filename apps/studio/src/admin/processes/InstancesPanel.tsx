import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ExternalLink, Inbox, XCircle } from "lucide-react";
import { useId, useState } from "react";
import { formatDateTime, formatRelativeTime } from "../../lib/format-time.ts";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorState } from "../../ui/ErrorState.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { adminQueryKeys, type InstanceStatus, type InstanceStatusFilter, type InstancesQuery, type ProcessInstance, type ProcessOverview } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { CancelInstanceDialog } from "./CancelInstanceDialog.tsx";

const PAGE_SIZE = 50;

const FILTERS: { value: InstanceStatusFilter; label: string }[] = [
  { value: "active", label: "Active (running or stopped)" },
  { value: "running", label: "Running" },
  { value: "incident", label: "Stopped by an incident" },
  { value: "completed", label: "Completed" },
  { value: "cancelled", label: "Cancelled" },
  { value: "all", label: "All" },
];

const STATUS_TAGS: Record<InstanceStatus, { label: string; className: string }> = {
  running: { label: "Running", className: "tag tag-accent" },
  incident: { label: "Incident", className: "tag tag-danger" },
  completed: { label: "Completed", className: "tag tag-published" },
  cancelled: { label: "Cancelled", className: "tag" },
};

/**
 * One process's instances on its admin page, newest first, 50 a page:
 * filtered by status (active ones first) and version, each with where it
 * stands, and "Cancel…" on the active ones a caller did not start.
 */
export function InstancesPanel({ process }: { process: ProcessOverview }) {
  const api = useAdminApi();
  const id = useId();
  const [status, setStatus] = useState<InstanceStatusFilter>("active");
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const [cancelling, setCancelling] = useState<ProcessInstance | null>(null);
  const query: InstancesQuery = { processKey: process.key, status, limit: PAGE_SIZE, offset, ...(version === undefined ? {} : { version }) };
  const published = process.versions.length > 0;
  const instances = useQuery({ queryKey: adminQueryKeys.instances(query), queryFn: () => api.instances(query), placeholderData: keepPreviousData, enabled: published });

  if (!published) {
    return (
      <div className="panel">
        <p className="admin-empty-line">Not published yet: instances start once a version is published.</p>
      </div>
    );
  }
  return (
    <div className="instances-panel">
      <div className="instances-filters">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-status`}>
            Status
          </label>
          <select
            id={`${id}-status`}
            className="select"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as InstanceStatusFilter);
              setOffset(0);
            }}
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-version`}>
            Version
          </label>
          <select
            id={`${id}-version`}
            className="select"
            value={version ?? ""}
            onChange={(e) => {
              setVersion(e.target.value ? Number(e.target.value) : undefined);
              setOffset(0);
            }}
          >
            <option value="">All versions</option>
            {process.versions.map((v) => (
              <option key={v.version} value={v.version}>
                Version {v.version}
              </option>
            ))}
          </select>
        </div>
        {instances.isFetching && !instances.isPending && <span className="spinner spinner-inline" role="status" aria-label="Refreshing the instances" />}
      </div>
      {instances.isPending ? (
        <div className="panel">
          <Spinner label="Loading the instances…" />
        </div>
      ) : instances.isError ? (
        <div className="panel">
          <ErrorState title="The instances could not be loaded" error={instances.error} onRetry={() => void instances.refetch()} />
        </div>
      ) : instances.data.instances.length === 0 ? (
        <div className="panel">
          <EmptyState icon={<Inbox size={28} />} title={emptyTitle(status, version)}>
            <p>{status === "active" ? "Instances appear here while they run: started in the portal, by a message, a timer or another process." : "Choose another status or version to see more."}</p>
          </EmptyState>
        </div>
      ) : (
        <>
          <InstancesTable rows={instances.data.instances} onCancel={setCancelling} />
          <Pager total={instances.data.total} offset={offset} shown={instances.data.instances.length} nextOffset={instances.data.nextOffset} onOffset={setOffset} />
        </>
      )}
      {cancelling && <CancelInstanceDialog instance={cancelling} onClose={() => setCancelling(null)} />}
    </div>
  );
}

function InstancesTable({ rows, onCancel }: { rows: ProcessInstance[]; onCancel: (instance: ProcessInstance) => void }) {
  return (
    <div className="panel table-panel admin-table-scroll">
      <table className="table admin-table instances-table">
        <caption className="visually-hidden">Instances, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Current step</th>
            <th scope="col">Started</th>
            <th scope="col">Last change</th>
            <th scope="col" className="row-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => {
            const active = i.status === "running" || i.status === "incident";
            const tag = STATUS_TAGS[i.status];
            return (
              <tr key={i.id}>
                <td className="instance-cell">
                  <a className="row-link" href={`/portal/requests/${encodeURIComponent(i.id)}`} target="_blank" rel="noreferrer">
                    {i.title} <ExternalLink size={12} aria-label="(opens the request in the portal)" />
                  </a>
                  {i.calledBy && <div className="row-sub">Called by #{i.calledBy.number}</div>}
                </td>
                <td>{i.version}</td>
                <td>
                  <span className={tag.className}>{tag.label}</span>
                </td>
                <td>{i.currentSteps.length ? i.currentSteps.map((s) => s.name).join(", ") : <span className="muted">—</span>}</td>
                <td title={formatDateTime(i.startedAt)}>
                  {formatRelativeTime(i.startedAt)}
                  <div className="row-sub" title={i.startedBy}>
                    by {i.startedByName}
                  </div>
                </td>
                <td title={formatDateTime(i.endedAt ?? i.updatedAt)}>
                  {formatRelativeTime(i.endedAt ?? i.updatedAt)}
                  {i.endedAt && <div className="row-sub">{i.status === "cancelled" ? "cancelled" : "ended"}</div>}
                </td>
                <td className="row-actions">
                  {active && !i.calledBy && (
                    <Button size="sm" variant="ghost" icon={<XCircle size={14} aria-hidden="true" />} aria-label={`Cancel ${i.title}…`} onClick={() => onCancel(i)}>
                      Cancel…
                    </Button>
                  )}
                  {active && i.calledBy && <span className="muted row-sub">Cancel #{i.calledBy.number} to stop it</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ total, offset, shown, nextOffset, onOffset }: { total: number; offset: number; shown: number; nextOffset: number | null; onOffset: (offset: number) => void }) {
  if (offset === 0 && nextOffset === null) return <p className="muted instances-count">{total === 1 ? "1 instance" : `${total} instances`}</p>;
  return (
    <nav className="instances-pager" aria-label="Pages of instances">
      <span className="muted">
        {offset + 1}–{offset + shown} of {total}
      </span>
      {offset > 0 && (
        <Button size="sm" onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}>
          Newer
        </Button>
      )}
      {nextOffset !== null && (
        <Button size="sm" onClick={() => onOffset(nextOffset)}>
          Older
        </Button>
      )}
    </nav>
  );
}

function emptyTitle(status: InstanceStatusFilter, version: number | undefined): string {
  const on = version === undefined ? "" : ` on version ${version}`;
  switch (status) {
    case "active":
      return `No instance is running${on}`;
    case "all":
      return `No instance has started${on}`;
    case "incident":
      return `No instance is stopped by an incident${on}`;
    default:
      return `No ${status} instances${on}`;
  }
}
