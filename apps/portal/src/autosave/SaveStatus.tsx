import { Check, CloudOff, RefreshCw } from "lucide-react";
import { Spinner } from "../components/Loading.tsx";
import { formatTime } from "../lib/format-date.ts";
import type { SaveStatus as Status } from "./autosaver.ts";

/** The autosave state next to the task's buttons. */
export function SaveStatus({ status, onRetry }: { status: Status; onRetry: () => void }) {
  switch (status.kind) {
    case "idle":
      return <span className="save-status muted">Changes are saved as a draft while you type.</span>;
    case "pending":
    case "saving":
      return (
        <span className="save-status muted">
          <Spinner size={14} /> Saving…
        </span>
      );
    case "saved":
      return (
        <span className="save-status save-status--ok">
          <Check size={15} aria-hidden="true" /> All changes saved
          <span className="muted"> at {formatTime(status.at)}</span>
        </span>
      );
    case "error":
      return (
        <span className="save-status save-status--error" title={status.message}>
          <CloudOff size={15} aria-hidden="true" /> Not saved —
          <button type="button" className="link-btn" onClick={onRetry}>
            <RefreshCw size={14} aria-hidden="true" /> Retry
          </button>
        </span>
      );
    case "conflict":
      return (
        <span className="save-status save-status--error">
          <CloudOff size={15} aria-hidden="true" /> Autosave stopped: changed in another window
        </span>
      );
  }
}
