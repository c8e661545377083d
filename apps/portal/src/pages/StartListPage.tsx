import { useQuery } from "@tanstack/react-query";
import { ArrowRight, CirclePlay } from "lucide-react";
import { Link } from "react-router";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { SkeletonRows } from "../components/Loading.tsx";
import { trpc } from "../lib/trpc.ts";
import { usePageTitle } from "../lib/use-page-title.ts";

export const STARTABLE_KEY = ["portal", "startable"] as const;

export function useStartable() {
  return useQuery({ queryKey: STARTABLE_KEY, queryFn: () => trpc.portal.startable.query(), staleTime: 60_000 });
}

/** The processes the participant may start, one card each. */
export function StartListPage() {
  usePageTitle("Start a process");
  const startable = useStartable();
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">Start a process</h1>
      </div>
      <p className="muted page-lead">Choose what you want to start. You'll fill in a short form first.</p>
      {startable.isPending ? (
        <div className="card section">
          <SkeletonRows label="Loading processes" />
        </div>
      ) : startable.isError ? (
        <ErrorState error={startable.error} onRetry={() => void startable.refetch()} title="The processes could not be loaded" />
      ) : startable.data.length === 0 ? (
        <div className="card section">
          <EmptyState icon={<CirclePlay size={28} />} title="There is nothing you can start right now.">
            When your team publishes a process you are allowed to start, it will appear here.
          </EmptyState>
        </div>
      ) : (
        <ul className="process-grid">
          {startable.data.map((p) => (
            <li key={p.processKey}>
              <Link to={`/start/${encodeURIComponent(p.processKey)}`} className="card process-card">
                <span className="process-card-name">{p.name}</span>
                <span className="process-card-desc">{p.description || "No description."}</span>
                <span className="process-card-go">
                  Start <ArrowRight size={16} aria-hidden="true" />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
