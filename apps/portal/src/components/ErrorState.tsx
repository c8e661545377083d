import { CircleExclamationPoint, RefreshCw } from "lucide-react";
import { userMessage } from "../lib/baton-error.ts";

/** A failed load: what went wrong in a sentence, and a way to try again. */
export function ErrorState({ error, onRetry, title = "This could not be loaded" }: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div className="state-card" role="alert">
      <CircleExclamationPoint className="state-icon state-icon--danger" size={28} aria-hidden="true" />
      <h2 className="state-title">{title}</h2>
      <p className="muted">{userMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          <RefreshCw size={16} aria-hidden="true" /> Try again
        </button>
      ) : null}
    </div>
  );
}
