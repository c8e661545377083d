import { isFileList } from "@baton/forms";
import { FileList } from "@baton/forms/react";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Ban } from "lucide-react";
import { Link, useParams } from "react-router";
import { DueDate } from "../components/DueDate.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { SkeletonRows } from "../components/Loading.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { fileDownloads } from "../lib/attachment-service.ts";
import { describeEvent, formatValue, humanizeKey } from "../lib/describe-history.ts";
import { formatDateTime } from "../lib/format-date.ts";
import { cancellationOf, describeCancellation } from "../lib/request-ending.ts";
import { trpc } from "../lib/trpc.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { CallLinksSection } from "./CallLinksSection.tsx";

/** One request the participant started (or works on): where it stands, what was entered, what happened. */
export function RequestPage() {
  const { instanceId = "" } = useParams();
  const request = useQuery({ queryKey: ["portal", "instance", instanceId], queryFn: () => trpc.portal.instance.query({ instanceId }) });
  usePageTitle(request.data?.title ?? "Request");

  if (request.isPending) return <div className="page"><SkeletonRows label="Loading the request" /></div>;
  if (request.isError) {
    return (
      <div className="page">
        <ErrorState error={request.error} onRetry={() => void request.refetch()} title="This request isn't available" />
      </div>
    );
  }
  const r = request.data;
  const taskNames = new Map(r.tasks.map((t) => [t.id, t.name]));
  const calledNames = new Map(r.children.map((c) => [c.instanceId, c.processName]));
  const open = r.tasks.filter((t) => t.status === "open");
  // In the order they were done, not the order they were created.
  const done = r.tasks.filter((t) => t.status === "completed").sort((a, b) => (a.completedAt ?? "").localeCompare(b.completedAt ?? ""));
  const cancelled = r.status === "cancelled" ? cancellationOf(r.audit) : null;
  const history = r.audit.flatMap((e) => {
    const text = describeEvent(e, taskNames, calledNames, r.names);
    return text ? [{ ...e, text }] : [];
  });
  return (
    <div className="page">
      <Link to="/requests" className="back-link">
        <ArrowLeft size={16} aria-hidden /> My requests
      </Link>
      <div className="page-header">
        <h1 className="page-title">{r.title}</h1>
        <StatusBadge status={r.status} />
      </div>
      <p className="muted page-lead">
        {r.processName} (version {r.version}) · started by {r.startedByName} on {formatDateTime(r.startedAt)}
        {r.endedAt ? ` · ${r.status === "cancelled" ? "cancelled" : "completed"} ${formatDateTime(r.endedAt)}` : ""}
      </p>

      <section className="card section" aria-label="Where it stands">
        <h2 className="section-title">Where it stands</h2>
        {cancelled ? (
          <div className="notice notice--warning request-cancelled">
            <Ban size={18} aria-hidden="true" />
            <p>{describeCancellation(cancelled)}</p>
          </div>
        ) : open.length === 0 ? (
          <p className="muted request-empty">{r.status === "completed"
              ? "Finished: nothing is waiting."
              : r.status === "cancelled"
                ? "Cancelled: nothing more will happen (the history below says why)."
                : r.children.some((c) => c.status === "running" || c.status === "incident")
                ? "Waiting for a connected request (below) to finish."
                : "Nothing is waiting for a person right now."}</p>
        ) : (
          <ul className="request-list">
            {open.map((t) => (
              <li key={t.id} className="request-row">
                <div className="request-main">
                  <span className="request-title">{t.name}</span>
                  <span className="request-meta">
                    {t.assignee ? `With ${t.assignee.displayName}` : t.candidateGroup ? `Waiting for someone in ${t.candidateGroup.name}` : "Not assigned"}
                  </span>
                </div>
                {t.dueAt ? <DueDate dueAt={t.dueAt} /> : <span />}
                <StatusBadge status={t.status} />
              </li>
            ))}
          </ul>
        )}
        {done.length > 0 ? (
          <p className="muted request-done">Done so far: {done.map((t) => t.name).join(", ")}.</p>
        ) : null}
      </section>

      <CallLinksSection parent={r.parent} children={r.children} />

      <section className="card section" aria-label="What was entered">
        <h2 className="section-title">What was entered</h2>
        <dl className="request-data">
          {Object.entries(r.variables).map(([key, value]) => (
            <div key={key} className="request-datum">
              <dt>{r.fields[key]?.label ?? humanizeKey(key)}</dt>
              <dd>{isFileList(value) ? <FileList files={value} href={fileDownloads.href} /> : formatValue(value, r.fields[key], r.names)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card section" aria-label="History">
        <h2 className="section-title">History</h2>
        <ol className="request-history">
          {history.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              <span>
                {e.actor ? <strong>{e.actorName ?? e.actor}</strong> : null} {e.text}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
