import { useId, type ReactNode } from "react";
import { Button } from "../ui/Button.tsx";
import { Dialog } from "../ui/Dialog.tsx";

type Props = {
  title: string;
  submitLabel: string;
  busy: boolean;
  /** The server's refusal when no field shows it. */
  formError: string | null;
  onSubmit: () => void;
  onClose: () => void;
  className?: string;
  children: ReactNode;
};

/**
 * A dialog holding one form of the admin console: Cancel and the submit
 * button below it (Enter in a field submits too), the refusal that names
 * no field at the bottom, and nothing closes it while the change runs.
 */
export function FormDialog({ title, submitLabel, busy, formError, onSubmit, onClose, className = "dialog-form", children }: Props) {
  const formId = `${useId()}-form`;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      locked={busy}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={formId} busy={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className={className}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
      </form>
    </Dialog>
  );
}
