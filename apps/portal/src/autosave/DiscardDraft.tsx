import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Spinner } from "../components/Loading.tsx";

/**
 * "Discard draft", asking once more in place before anything is thrown
 * away (what was typed cannot be brought back).
 */
export function DiscardDraft({ onDiscard, disabled }: { onDiscard: () => Promise<void>; disabled: boolean }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn-ghost" onClick={() => setAsking(true)} disabled={disabled}>
        <Trash2 size={15} aria-hidden="true" /> Discard draft
      </button>
    );
  }
  const discard = async () => {
    setBusy(true);
    try {
      await onDiscard();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <div className="discard-confirm" role="group" aria-label="Discard the draft">
      <span>Throw away everything typed into this form?</span>
      <button type="button" className="btn btn-danger btn-sm" onClick={() => void discard()} disabled={busy || disabled}>
        {busy ? <Spinner size={14} /> : <Trash2 size={15} aria-hidden="true" />} Discard
      </button>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => setAsking(false)} disabled={busy}>
        Keep it
      </button>
    </div>
  );
}
