import type { DraftView } from "../api/studio-types.ts";
import type { LocalCopy } from "../editor/local-copies.ts";
import { formatDateTime, formatRelativeTime } from "../lib/format-time.ts";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { compareDrafts, describeComparison } from "./compare-drafts.ts";

type Props = {
  copy: LocalCopy;
  draft: Pick<DraftView, "version" | "definition" | "updatedAt" | "updatedBy">;
  personName: (username: string | null) => string;
  onRestore: () => void;
  onDiscard: () => void;
};

/** Reopening a process whose last changes never reached the server: bring them back? */
export function RestoreDialog({ copy, draft, personName, onRestore, onDiscard }: Props) {
  const savedSince = copy.baseVersion !== draft.version;
  return (
    <Dialog
      title="Restore your unsaved changes?"
      onClose={onDiscard}
      actions={
        <>
          <Button onClick={onDiscard}>Discard them</Button>
          <Button variant="primary" onClick={onRestore} data-autofocus>
            Restore my changes
          </Button>
        </>
      }
    >
      <p>
        This browser kept changes to this process that were not saved, made{" "}
        <span title={formatDateTime(copy.keptAt)}>{formatRelativeTime(copy.keptAt)}</span>
        {copy.baseVersion !== null ? ` on version ${copy.baseVersion}` : ""}.
      </p>
      {savedSince && (
        <p className="callout callout-warning">
          The draft has been saved since: version {draft.version} by {personName(draft.updatedBy)}{" "}
          {formatRelativeTime(draft.updatedAt)}. Restoring replaces it with your copy (you can undo).
        </p>
      )}
      <ul className="compare-list">
        {describeComparison(compareDrafts(copy.definition, draft.definition)).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Dialog>
  );
}
