import { AlertTriangle, Check, CloudOff } from "lucide-react";
import type { AutosaveStatus } from "../editor/autosave.ts";
import { formatDateTime } from "../lib/format-time.ts";

type Props = { status: AutosaveStatus; onRetry: () => void; onResolve: () => void };

/** "Saving…", "Saved", or "Not saved — Retry" in the toolbar; a live region, so screen readers hear it. */
export function SaveStatus({ status, onRetry, onResolve }: Props) {
  return (
    <span className={`save-status is-${status.state}`} role="status" aria-live="polite">
      {status.state === "saved" && (
        <span title={status.at ? `Saved at ${formatDateTime(status.at)}` : "Everything is saved"}>
          <Check size={14} aria-hidden="true" /> Saved
        </span>
      )}
      {(status.state === "pending" || status.state === "saving") && (
        <span>
          <span className="spinner spinner-inline" aria-hidden="true" /> Saving…
        </span>
      )}
      {status.state === "error" && (
        <>
          <span title={status.message}>
            <CloudOff size={14} aria-hidden="true" /> Not saved —
          </span>
          <button type="button" className="link-button" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
      {status.state === "conflict" && (
        <>
          <span title={status.message}>
            <AlertTriangle size={14} aria-hidden="true" /> Not saved: changed elsewhere —
          </span>
          <button type="button" className="link-button" onClick={onResolve}>
            Choose what to keep
          </button>
        </>
      )}
    </span>
  );
}
