import { AlertTriangle, RotateCw } from "lucide-react";
import { readBatonError } from "../api/baton-error.ts";
import { Button } from "./Button.tsx";

/** A failed load: what went wrong in words, and a way to try again. */
export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { message } = readBatonError(error);
  return (
    <div className="empty-state error-state" role="alert">
      <div className="empty-state-icon" aria-hidden="true">
        <AlertTriangle size={28} />
      </div>
      <h2 className="empty-state-title">{title}</h2>
      <p className="empty-state-body">{message}</p>
      {onRetry && (
        <Button icon={<RotateCw size={16} />} onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
