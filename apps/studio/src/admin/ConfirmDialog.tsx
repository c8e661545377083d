import type { ReactNode } from "react";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";

type Props = {
  title: string;
  /** What will happen, in words: the confirmation is only as good as this. */
  children: ReactNode;
  confirmLabel: string;
  /** The label of the button that closes without doing it ("Cancel" unless that would be ambiguous). */
  closeLabel?: string;
  danger?: boolean;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/** "Do this?" with what it does, and the server's refusal shown in place. */
export function ConfirmDialog({ title, children, confirmLabel, closeLabel = "Cancel", danger, busy, error, onConfirm, onClose }: Props) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      locked={busy}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            {closeLabel}
          </Button>
          <Button variant={danger ? "danger" : "primary"} busy={busy} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
