import { useQuery } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import { useId, useState } from "react";
import { diffPackages, releaseNoteOf, type ProcessDefinition } from "@baton/model";
import { queryKeys } from "../api/query-keys.ts";
import { api } from "../api/trpc-client.ts";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { TextField } from "../ui/TextField.tsx";
import { ReleaseNoteField } from "./ReleaseNoteField.tsx";

type Props = {
  name: string;
  processKey: string;
  /** The process as the analyst sees it; the proposed note is its diff against the latest version. */
  definition: ProcessDefinition;
  latestVersion: number | null;
  nextVersion: number;
  /** Errors the live check sees; the server will refuse, but the analyst may still try. */
  knownErrors: number;
  busy: boolean;
  error: string | null;
  onConfirm: (sealed: { label: string; releaseNote: string }) => void;
  onClose: () => void;
};

const LABEL_MAX = 60;

/**
 * "Publish version N of <name>?" — the one confirmation before a version is
 * sealed, with a label and a release note sealed with it. The note starts as
 * what changed since the latest version (model's diff, in the browser), for
 * the analyst to keep or edit; left empty, the server writes the same.
 */
export function PublishDialog({ name, processKey, definition, latestVersion, nextVersion, knownErrors, busy, error, onConfirm, onClose }: Props) {
  const id = useId();
  const latest = useQuery({
    queryKey: queryKeys.version(processKey, latestVersion ?? 0),
    queryFn: () => api.version(processKey, latestVersion!),
    enabled: latestVersion !== null,
  });
  const proposed = latestVersion === null ? "First version." : latest.data ? proposeNote(latest.data.definition, definition) : null;
  const [label, setLabel] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const shownNote = note ?? proposed ?? "";
  const labelError = label.trim().length > LABEL_MAX ? `Keep the label to ${LABEL_MAX} characters (${label.trim().length} now).` : null;
  return (
    <Dialog
      title={`Publish version ${nextVersion} of ${name}?`}
      onClose={onClose}
      locked={busy}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => !labelError && onConfirm({ label: label.trim(), releaseNote: shownNote.trim() })} busy={busy} data-autofocus>
            Publish version {nextVersion}
          </Button>
        </>
      }
    >
      <p>Running work stays on its version. New requests will use version {nextVersion}.</p>
      <div className="dialog-form">
        <TextField id={`${id}-label`} label="Label (optional)" value={label} onChange={(e) => setLabel(e.target.value)} error={labelError} help="A short name people will recognise." />
        <ReleaseNoteField
          id={`${id}-note`}
          value={shownNote}
          onChange={setNote}
          placeholder={proposed === null && latestVersion !== null ? "Comparing with the latest version…" : undefined}
          help={latestVersion === null ? "What this process is for, if you like." : `What changed since version ${latestVersion}, proposed by Baton; edit it as you like.`}
        />
      </div>
      {knownErrors > 0 && (
        <p className="callout callout-warning">
          <AlertTriangle size={16} aria-hidden="true" />
          <span>
            The check shows {knownErrors} error{knownErrors === 1 ? "" : "s"}; publishing will be refused until{" "}
            {knownErrors === 1 ? "it is" : "they are"} fixed.
          </span>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** The diff in words; an unfinished draft the diff cannot read gets no proposal (the server writes one). */
function proposeNote(latest: ProcessDefinition, draft: ProcessDefinition): string {
  try {
    return releaseNoteOf(diffPackages(latest, draft));
  } catch {
    return "";
  }
}
