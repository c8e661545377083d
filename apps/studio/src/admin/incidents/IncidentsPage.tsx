import { useQuery } from "@tanstack/react-query";
import { CheckCircle2, ExternalLink, RotateCw, SkipForward } from "lucide-react";
import { useState } from "react";
import { formatDateTime, formatRelativeTime } from "../../lib/format-time.ts";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorState } from "../../ui/ErrorState.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { useToast } from "../../ui/Toaster.tsx";
import { adminQueryKeys, type OpenIncident } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { ConfirmDialog } from "../ConfirmDialog.tsx";
import { useAdminMutation } from "../use-admin-mutation.ts";

/** What each incident code means, for the list. */
const CODE_NAMES: Record<string, string> = {
  "service.failed": "Service call failed",
  "decision.no-match": "No path matched",
  "expression.error": "Expression failed",
  "assignment.error": "Nobody to assign",
  "loop.limit": "Loop limit reached",
  "step.unsupported": "Step not supported",
  "job.failed": "Job failed",
};

type Action = { kind: "retry" | "skip"; incident: OpenIncident };

/** `/admin/incidents`: every open incident, oldest first, with retry and skip. */
export function IncidentsPage() {
  const api = useAdminApi();
  const incidents = useQuery({ queryKey: adminQueryKeys.incidents, queryFn: api.incidents, refetchInterval: 10_000 });
  const [action, setAction] = useState<Action | null>(null);

  if (incidents.isPending) {
    return (
      <div className="panel">
        <Spinner label="Loading incidents…" />
      </div>
    );
  }
  if (incidents.isError) {
    return (
      <div className="panel">
        <ErrorState title="The incidents could not be loaded" error={incidents.error} onRetry={() => void incidents.refetch()} />
      </div>
    );
  }
  if (incidents.data.length === 0) {
    return (
      <div className="panel">
        <EmptyState icon={<CheckCircle2 size={28} />} title="No open incidents">
          <p>When a step cannot go on (a service call gives up, no path of a decision matches), the instance stops here for you to retry or skip.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <>
      <div className="panel table-panel admin-table-scroll">
        <table className="table admin-table">
          <caption className="visually-hidden">Open incidents, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Step</th>
              <th scope="col">What happened</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {incidents.data.map((i) => (
              <tr key={`${i.instanceId}:${i.incidentId}`}>
                <td>
                  <a className="row-link" href={`/portal/requests/${encodeURIComponent(i.instanceId)}`} target="_blank" rel="noreferrer">
                    {i.instanceTitle} <ExternalLink size={12} aria-label="(opens the instance in the portal)" />
                  </a>
                  <div className="row-sub">
                    {i.processName} · version {i.version}
                  </div>
                </td>
                <td>
                  {i.stepName}
                  <div className="row-sub">
                    <code>{i.stepId}</code>
                  </div>
                </td>
                <td className="incident-what">
                  <span className="tag tag-danger">{CODE_NAMES[i.code] ?? i.code}</span>
                  <div className="row-sub incident-message">{i.message}</div>
                </td>
                <td title={formatDateTime(i.since)}>{formatRelativeTime(i.since)}</td>
                <td className="row-actions">
                  <Button size="sm" icon={<RotateCw size={14} aria-hidden="true" />} aria-label={`Retry ${i.stepName} of ${i.instanceTitle}`} onClick={() => setAction({ kind: "retry", incident: i })}>
                    Retry
                  </Button>
                  {i.stepKind === "serviceCall" && (
                    <Button size="sm" variant="ghost" icon={<SkipForward size={14} aria-hidden="true" />} aria-label={`Skip ${i.stepName} of ${i.instanceTitle}`} onClick={() => setAction({ kind: "skip", incident: i })}>
                      Skip
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {action && <IncidentActionDialog action={action} onClose={() => setAction(null)} />}
    </>
  );
}

function IncidentActionDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const { incident, kind } = action;
  const run = useAdminMutation(
    () => (kind === "retry" ? api.retryIncident(incident.instanceId, incident.incidentId) : api.skipIncident(incident.instanceId, incident.incidentId)),
    (result) => {
      toast(result.status === "incident" ? `${incident.instanceTitle} stopped again; see the new incident.` : kind === "retry" ? `Retrying ${incident.stepName}.` : `Skipped ${incident.stepName}; the instance goes on.`, result.status === "incident" ? "error" : "success");
      onClose();
    },
  );
  return (
    <ConfirmDialog
      title={kind === "retry" ? `Retry “${incident.stepName}”?` : `Skip “${incident.stepName}”?`}
      confirmLabel={kind === "retry" ? "Retry" : "Skip the call"}
      danger={kind === "skip"}
      busy={run.mutation.isPending}
      error={run.error?.message ?? null}
      onConfirm={() => run.mutation.mutate(undefined)}
      onClose={onClose}
    >
      {kind === "retry" ? (
        <p>
          {incident.instanceTitle} runs “{incident.stepName}” again{incident.stepKind === "serviceCall" ? " (the service is called again, with the same idempotency key)" : ""}. If it
          fails again, a new incident appears here.
        </p>
      ) : (
        <p>
          {incident.instanceTitle} moves on past “{incident.stepName}” without calling the service, so the values its answer would have brought stay unset. Later steps
          that need them may stop.
        </p>
      )}
      <p className="muted">Recorded in the instance's protocol with your name.</p>
    </ConfirmDialog>
  );
}
