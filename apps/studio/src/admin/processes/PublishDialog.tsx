import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "../../ui/Button.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { ReleaseNoteField } from "../../process/ReleaseNoteField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useToast } from "../../ui/Toaster.tsx";
import { adminQueryKeys, type DraftDiff, type ProcessOverview } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { useAdminMutation } from "../use-admin-mutation.ts";

const LABEL_MAX = 60;
const NOTE_MAX = 5000;

/**
 * Publishes the process's draft as a new version with a label and a
 * release note. The note starts as what changed since the latest version,
 * in words (the server's `versions.draftDiff`), for the admin to keep or edit.
 */
export function PublishDialog({ process, onClose }: { process: ProcessOverview; onClose: () => void }) {
  const api = useAdminApi();
  const proposal = useQuery({ queryKey: adminQueryKeys.draftDiff(process.key), queryFn: () => api.draftDiff(process.key), staleTime: 0 });
  return (
    <Dialog title={`Publish ${process.name}`} onClose={onClose} wide actions={proposal.data ? null : <Button onClick={onClose}>Cancel</Button>}>
      {proposal.isPending && <Spinner label="Comparing the draft with the latest version…" />}
      {proposal.isError && (
        <p className="form-error" role="alert">
          The draft could not be compared: {proposal.error.message}
        </p>
      )}
      {proposal.data && <PublishForm process={process} proposal={proposal.data} onClose={onClose} />}
    </Dialog>
  );
}

function PublishForm({ process, proposal, onClose }: { process: ProcessOverview; proposal: DraftDiff; onClose: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const id = useId();
  const [label, setLabel] = useState("");
  const [note, setNote] = useState(proposal.releaseNote);
  const publish = useAdminMutation(
    () => api.publishDraft(process.key, label.trim(), note.trim()),
    (result) => {
      toast(result.created ? `Published ${process.name} version ${result.version}.` : `Nothing to publish: version ${result.version} has the same content.`, result.created ? "success" : "info");
      onClose();
    },
  );
  const labelError = label.trim().length > LABEL_MAX ? `Keep the label to ${LABEL_MAX} characters (${label.trim().length} now).` : null;
  const noteError = note.trim().length > NOTE_MAX ? `Keep the note to ${NOTE_MAX} characters (${note.trim().length} now).` : null;
  const unchanged = proposal.diff?.unchanged === true;
  const busy = publish.mutation.isPending;
  return (
    <form
      className="dialog-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!labelError && !noteError) publish.mutation.mutate(undefined);
      }}
    >
      <p className="row-sub publish-compared">
        {proposal.latest === null ? "This will be version 1." : `Compared with version ${proposal.latest}, the latest.`}
        {unchanged && ` The draft has the same process as version ${proposal.latest}: publishing adds no version.`}
      </p>
      <TextField
        id={`${id}-label`}
        label="Label (optional)"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={labelError}
        help="A short name people will recognise, such as “Second-level review”."
        data-autofocus
      />
      <ReleaseNoteField
        id={`${id}-note`}
        value={note}
        onChange={setNote}
        rows={8}
        error={noteError}
        help="Proposed from what changed; edit it as you like. Left empty, Baton writes what changed."
      />
      {publish.formError && (
        <p className="form-error" role="alert">
          {publish.formError}
        </p>
      )}
      <div className="dialog-actions">
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={busy}>
          Publish
        </Button>
      </div>
    </form>
  );
}
