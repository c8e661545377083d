import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState.tsx";
import { FullPageLoading } from "../components/Loading.tsx";
import type { StartResult } from "../lib/api-types.ts";
import { trpc } from "../lib/trpc.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { StartConfirmation } from "./StartConfirmation.tsx";
import { StartForm } from "./StartForm.tsx";
import { useStartable } from "./StartListPage.tsx";

export const startDraftKey = (processKey: string) => ["portal", "startDraft", processKey] as const;

/**
 * `/start/:processKey`: the start form of one process, resuming the
 * participant's draft of it, then what happens next. The form below is
 * remounted (a new `generation`) whenever the page takes a fresh copy of
 * the draft: after "Reload", "Discard draft" or "Start another".
 */
export function StartProcessPage() {
  const { processKey = "" } = useParams();
  const queryClient = useQueryClient();
  const startable = useStartable();
  const [started, setStarted] = useState<StartResult | null>(null);
  const [generation, setGeneration] = useState(0);
  const process = startable.data?.find((p) => p.processKey === processKey);
  const draft = useQuery({
    queryKey: startDraftKey(processKey),
    queryFn: () => trpc.portal.startDraft.query({ processKey }),
    enabled: Boolean(process?.startForm),
    // Refetching under a form being filled in would replace nothing visible; the page reloads on purpose instead.
    refetchOnWindowFocus: false,
    staleTime: 0,
    // Autosave moves the draft on after it was read: coming back must read it again, not show the old copy.
    gcTime: 0,
  });
  /** The draft is gone on the server (started or discarded): a fresh, empty form. */
  const restartEmpty = () => {
    queryClient.setQueryData(startDraftKey(processKey), null);
    setGeneration((g) => g + 1);
  };

  if (startable.isPending) return <FullPageLoading label="Loading the form…" />;
  if (startable.isError) {
    return <ErrorState error={startable.error} onRetry={() => void startable.refetch()} title="The form could not be loaded" />;
  }
  if (!process) {
    return (
      <NotFoundPage
        title="This process can't be started"
        text="It may have been withdrawn, or you are not allowed to start it."
        back={{ to: "/start", label: "See what you can start" }}
      />
    );
  }
  if (started) {
    return (
      <StartConfirmation
        process={process}
        result={started}
        onStartAnother={() => {
          setStarted(null);
          restartEmpty();
        }}
      />
    );
  }
  if (process.startForm && draft.isPending) return <FullPageLoading label="Loading your draft…" />;
  if (draft.isError) return <ErrorState error={draft.error} onRetry={() => void draft.refetch()} title="Your draft could not be loaded" />;
  return (
    <StartForm
      key={generation}
      process={process}
      draft={draft.data ?? null}
      onStarted={(result) => {
        queryClient.setQueryData(startDraftKey(processKey), null);
        setStarted(result);
      }}
      onReload={() => void draft.refetch().then(() => setGeneration((g) => g + 1))}
      onDiscarded={restartEmpty}
    />
  );
}
