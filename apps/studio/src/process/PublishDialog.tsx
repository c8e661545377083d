import { AlertTriangle } from "lucide-react";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";

type Props = {
  name: string;
  nextVersion: number;
  /** Errors the live check sees; the server will refuse, but the analyst may still try. */
  knownErrors: number;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/** "Publish version N of <name>?" — the one confirmation before a version is sealed. */
export function PublishDialog({ name, nextVersion, knownErrors, busy, error, onConfirm, onClose }: Props) {
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
          <Button variant="primary" onClick={onConfirm} busy={busy} data-autofocus>
            Publish version {nextVersion}
          </Button>
        </>
      }
    >
      <p>Running work stays on its version. New requests will use version {nextVersion}.</p>
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
