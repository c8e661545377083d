import { useQuery } from "@tanstack/react-query";
import { ListChecks } from "lucide-react";
import { Link } from "react-router";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { SkeletonRows } from "../components/Loading.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { formatDateTime } from "../lib/format-date.ts";
import { trpc } from "../lib/trpc.ts";
import { usePageTitle } from "../lib/use-page-title.ts";

export const MY_REQUESTS_KEY = ["portal", "myRequests"] as const;

/** The process instances the participant started, newest first as the server sends them. */
export function MyRequestsPage() {
  usePageTitle("My requests");
  const requests = useQuery({ queryKey: MY_REQUESTS_KEY, queryFn: () => trpc.portal.myRequests.query() });
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">My requests</h1>
      </div>
      <p className="muted page-lead">Everything you started, and where it stands.</p>
      <section className="card section" aria-label="Requests you started">
        {requests.isPending ? (
          <SkeletonRows label="Loading your requests" />
        ) : requests.isError ? (
          <ErrorState error={requests.error} onRetry={() => void requests.refetch()} title="Your requests could not be loaded" />
        ) : requests.data.length === 0 ? (
          <EmptyState icon={<ListChecks size={28} />} title="You haven't started anything yet.">
            <Link to="/start">Start a process</Link> and you can follow it here.
          </EmptyState>
        ) : (
          <ul className="request-list">
            {requests.data.map((r) => (
              <li key={r.instanceId} className="request-row">
                <Link to={`/requests/${r.instanceId}`} className="request-main request-link">
                  <span className="request-title">{r.title}</span>
                  <span className="request-meta">{r.processName}</span>
                </Link>
                <div className="request-dates">
                  <span>
                    Started <time dateTime={r.startedAt}>{formatDateTime(r.startedAt)}</time>
                  </span>
                  {r.endedAt ? (
                    <span>
                      Ended <time dateTime={r.endedAt}>{formatDateTime(r.endedAt)}</time>
                    </span>
                  ) : null}
                </div>
                <StatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
