import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "../../ui/Button.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import type { OneTimePassword } from "../admin-api.ts";

/**
 * The one time a password is shown: Baton keeps only its hash, so closing
 * this dialog forgets it (nothing is logged or cached).
 */
export function PasswordOnceDialog({ result, title, onClose }: { result: OneTimePassword; title: string; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={onClose} data-autofocus>
          Done
        </Button>
      }
    >
      <p>
        The password for <strong>{result.username}</strong> is shown only now. Hand it over in person or through a channel you trust; it cannot be
        shown again (reset it once more if it gets lost).
      </p>
      <div className="password-once">
        <code aria-label="Password">{result.password}</code>
        <Button size="sm" icon={copied ? <Check size={14} aria-hidden="true" /> : <Copy size={14} aria-hidden="true" />} onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </Dialog>
  );
}
