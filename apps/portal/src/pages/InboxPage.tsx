import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Hand, Inbox as InboxIcon, Users } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { SkeletonRows, Spinner } from "../components/Loading.tsx";
import { TaskRow } from "../components/TaskRow.tsx";
import { useToast } from "../components/Toasts.tsx";
import type { TaskSummary } from "../lib/api-types.ts";
import { userMessage } from "../lib/baton-error.ts";
import { trpc } from "../lib/trpc.ts";
import { usePageTitle } from "../lib/use-page-title.ts";

export const INBOX_KEY = ["portal", "inbox"] as const;

/** The participant's work: tasks assigned to them and the open queue of their groups. */
export function InboxPage() {
  usePageTitle("Inbox");
  const inbox = useQuery({
    queryKey: INBOX_KEY,
    queryFn: () => trpc.portal.inbox.query(),
    refetchInterval: 30_000,
    refetchOnWindowFocus: "always",
  });

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">Inbox</h1>
        {inbox.isFetching && !inbox.isPending ? (
          <span className="muted small refreshing" role="status">
            <Spinner size={14} /> Updating…
          </span>
        ) : null}
      </div>
      {inbox.isPending ? (
        <Section title="Assigned to me" count={undefined}>
          <SkeletonRows label="Loading your tasks" />
        </Section>
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} title="Your inbox could not be loaded" />
      ) : (
        <>
          <Section title="Assigned to me" count={inbox.data.assigned.length}>
            {inbox.data.assigned.length === 0 ? (
              <EmptyState icon={<InboxIcon size={28} />} title="Nothing assigned to you right now.">
                New tasks show up here as soon as they are yours. Check your groups' queue below for work to pick up.
              </EmptyState>
            ) : (
              <ul className="task-list">
                {inbox.data.assigned.map((t) => (
                  <TaskRow key={t.id} task={t} />
                ))}
              </ul>
            )}
          </Section>
          <Section title="Open for my groups" count={inbox.data.groupQueue.length}>
            {inbox.data.groupQueue.length === 0 ? (
              <EmptyState icon={<Users size={28} />} title="Your groups' queue is empty.">
                When a task is waiting for someone in your team, it appears here for you to claim.
              </EmptyState>
            ) : (
              <ul className="task-list">
                {inbox.data.groupQueue.map((t) => (
                  <TaskRow key={t.id} task={t} action={t.canClaim ? <ClaimButton task={t} /> : null} />
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </div>
  );
}

function Section({ title, count, children }: { title: string; count: number | undefined; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section className="card section" aria-labelledby={id}>
      <h2 className="section-title" id={id}>
        {title}
        {count !== undefined ? <span className="count">{count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

/** Takes a queued task; on success it moves to "Assigned to me" and can be opened from the toast. */
function ClaimButton({ task }: { task: TaskSummary }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const claim = useMutation({
    mutationFn: () => trpc.portal.claim.mutate({ taskId: task.id }),
    onSuccess: (claimed) => {
      toast({
        tone: "success",
        message: `"${claimed.name}" is now yours.`,
        links: [{ to: `/tasks/${encodeURIComponent(claimed.id)}`, label: "Open the task" }],
      });
    },
    // The server words it: "claimed by someone else", "already completed", …
    onError: (err) => toast({ tone: "error", message: userMessage(err) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
  });
  return (
    <button
      type="button"
      className="btn btn-secondary btn-sm"
      onClick={() => claim.mutate()}
      disabled={claim.isPending}
      aria-label={`Claim ${task.name}, ${task.instanceTitle}`}
    >
      {claim.isPending ? <Spinner size={14} /> : <Hand size={15} aria-hidden="true" />}
      {claim.isPending ? "Claiming…" : "Claim"}
    </button>
  );
}
