import { RefreshCw, TriangleExclamationPoint } from "lucide-react";

/**
 * Autosave stopped because another window saved the draft (or used it up):
 * say so, keep this window's edits on screen, and offer a fresh copy.
 */
export function DraftConflictNotice({ what, onReload }: { what: string; onReload: () => void }) {
  return (
    <div className="notice notice--warning" role="alert">
      <TriangleExclamationPoint size={18} aria-hidden="true" />
      <div>
        <p>
          <strong>{what} was changed in another window.</strong> Reload to see the latest version — your changes in
          this window are kept below until you reload.
        </p>
        <button type="button" className="btn btn-secondary btn-sm" onClick={onReload}>
          <RefreshCw size={15} aria-hidden="true" /> Reload
        </button>
      </div>
    </div>
  );
}
