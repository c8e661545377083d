import { useQuery } from "@tanstack/react-query";
import type { ProcessDefinition } from "@baton/model";
import { api } from "../api/trpc-client.ts";
import type { DraftView } from "../api/studio-types.ts";
import { formatDateTime, formatRelativeTime } from "../lib/format-time.ts";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { Spinner } from "../ui/Spinner.tsx";
import { ErrorState } from "../ui/ErrorState.tsx";
import { compareDrafts, describeComparison } from "./compare-drafts.ts";

type Props = {
  processKey: string;
  mine: ProcessDefinition;
  message: string;
  personName: (username: string | null) => string;
  onReload: (latest: DraftView) => void;
  onOverwrite: (latest: DraftView) => void;
  onClose: () => void;
};

/**
 * The draft was saved elsewhere since this tab loaded it. Shows who saved
 * which version when, and how theirs differs from ours; the analyst keeps
 * one of the two. Their work stays in this browser until they choose.
 */
export function ConflictDialog({ processKey, mine, message, personName, onReload, onOverwrite, onClose }: Props) {
  const latest = useQuery({ queryKey: ["studio", "process", processKey, "draft", "latest"], queryFn: () => api.draft(processKey), staleTime: 0 });
  const data = latest.data;
  return (
    <Dialog
      title="This draft was changed elsewhere"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Decide later</Button>
          <Button disabled={!data} onClick={() => data && onReload(data)}>
            Reload the latest (discard mine)
          </Button>
          <Button variant="primary" disabled={!data} onClick={() => data && onOverwrite(data)} data-autofocus>
            Keep mine and overwrite
          </Button>
        </>
      }
    >
      <p>{message}</p>
      <p>Your changes are kept in this browser until you choose.</p>
      {latest.isPending ? (
        <Spinner label="Looking at the latest draft…" />
      ) : latest.isError ? (
        <ErrorState title="The latest draft could not be loaded" error={latest.error} onRetry={() => void latest.refetch()} />
      ) : (
        data && (
          <div className="conflict-summary">
            <p>
              <strong>
                Version {data.version} was saved by {personName(data.updatedBy)}
              </strong>{" "}
              <span title={formatDateTime(data.updatedAt)}>
                {formatRelativeTime(data.updatedAt)} ({formatDateTime(data.updatedAt)})
              </span>
              . Keeping yours overwrites it.
            </p>
            <ul className="compare-list">
              {describeComparison(compareDrafts(mine, data.definition)).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )
      )}
    </Dialog>
  );
}
