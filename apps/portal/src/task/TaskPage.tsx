import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import { useCallback, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorState } from "../components/ErrorState.tsx";
import { FullPageLoading } from "../components/Loading.tsx";
import { batonError } from "../lib/baton-error.ts";
import { trpc } from "../lib/trpc.ts";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { TaskWorkspace } from "./TaskWorkspace.tsx";

export const taskKey = (taskId: string) => ["portal", "task", taskId] as const;

/**
 * `/tasks/:taskId`. The workspace below is remounted (a new `generation`)
 * whenever the page takes a fresh copy from the server (after claim,
 * release or "Reload"), so the form restarts from the stored draft and its
 * version, never from a mix of old and new.
 */
export function TaskPage() {
  const { taskId = "" } = useParams();
  const [generation, setGeneration] = useState(0);
  const task = useQuery({
    queryKey: taskKey(taskId),
    queryFn: () => trpc.portal.task.query({ taskId }),
    // Refetching under a form being filled in would change nothing visible
    // but the header; the workspace reloads on purpose instead.
    refetchOnWindowFocus: false,
    staleTime: 0,
    // Autosave moves the draft on after it was read: coming back must read it again, not mount the old copy.
    gcTime: 0,
  });
  const reload = useCallback(async () => {
    await task.refetch();
    setGeneration((g) => g + 1);
  }, [task]);

  if (task.isPending) return <FullPageLoading label="Loading the task…" />;
  if (task.isError) {
    const code = batonError(task.error)?.code;
    if (code === "NOT_FOUND" || code === "FORBIDDEN") {
      return (
        <NotFoundPage
          title="This task isn't available"
          text="It may have been completed or cancelled, or it is not one you can see."
        />
      );
    }
    return <ErrorState error={task.error} onRetry={() => void task.refetch()} title="The task could not be loaded" />;
  }
  return (
    <div className="page page--narrow">
      <Link to="/" className="back-link">
        <ArrowLeft size={16} aria-hidden="true" /> Inbox
      </Link>
      <TaskWorkspace key={`${taskId}:${generation}`} detail={task.data} reload={reload} />
    </div>
  );
}
