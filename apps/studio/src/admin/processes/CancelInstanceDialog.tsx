import { useId, useRef, useState } from "react";
import { useToast } from "../../ui/Toaster.tsx";
import { ConfirmDialog } from "../ConfirmDialog.tsx";
import { useAdminApi } from "../admin-api-context.ts";
import type { ProcessInstance } from "../admin-api.ts";
import { useAdminMutation } from "../use-admin-mutation.ts";

const REASON_MAX = 500;

/**
 * "Cancel this instance?": what stops, and a reason the people of the
 * request will read, required. The server's refusal (it ended meanwhile,
 * a call activity started it) shows in the dialog; on success the lists
 * read again (useAdminMutation).
 */
export function CancelInstanceDialog({ instance, onClose }: { instance: ProcessInstance; onClose: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const run = useAdminMutation(
    (why: string) => api.cancelInstance(instance.id, why),
    (result) => {
      const others = result.cancelled.length - 1;
      toast(`${instance.title} was cancelled${others ? `, with ${others} instance${others === 1 ? "" : "s"} it called` : ""}.`, "success");
      onClose();
    },
  );
  const trimmed = reason.trim();
  const fieldError = !trimmed ? (tried ? "Give a reason: the people of this request will read it." : null) : trimmed.length > REASON_MAX ? `Keep the reason to ${REASON_MAX} characters (${trimmed.length} now).` : null;
  const confirm = () => {
    setTried(true);
    if (!trimmed || trimmed.length > REASON_MAX) {
      field.current?.focus();
      return;
    }
    run.mutation.mutate(trimmed);
  };
  return (
    <ConfirmDialog
      title={`Cancel ${instance.title}?`}
      confirmLabel="Cancel the instance"
      closeLabel="Keep it running"
      danger
      busy={run.mutation.isPending}
      error={run.formError ?? run.fieldError("reason")}
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>
        It stops for good{instance.currentSteps.length ? ` at ${instance.currentSteps.map((s) => `“${s.name}”`).join(", ")}` : ""}: its open tasks leave the inboxes (with what was typed
        in them), its timers never fire, and the instances it called are cancelled too. This cannot be undone.
      </p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reason`}>
          Reason <span className="field-optional">(required; shown on the request to its people)</span>
        </label>
        <textarea
          id={`${id}-reason`}
          ref={field}
          data-autofocus
          className="input textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-reason-error` : undefined}
          aria-required="true"
        />
        {fieldError && (
          <span id={`${id}-reason-error`} className="field-error">
            {fieldError}
          </span>
        )}
      </div>
      <p className="muted">Recorded in the instance's protocol with your name.</p>
    </ConfirmDialog>
  );
}
