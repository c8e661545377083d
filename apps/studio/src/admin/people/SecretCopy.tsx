import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "../../ui/Button.tsx";

/**
 * A secret shown once (a password, an API token's secret), selectable as a
 * whole and with a Copy button. Nothing here logs or keeps it.
 */
export function SecretCopy({ label, value, autoFocus }: { label: string; value: string; autoFocus?: boolean }) {
  const [copied, setCopied] = useState<boolean | "failed">(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied("failed");
    }
  };
  return (
    <>
      <div className="password-once">
        <code aria-label={label}>{value}</code>
        <Button size="sm" autoFocus={autoFocus} icon={copied === true ? <Check size={14} aria-hidden="true" /> : <Copy size={14} aria-hidden="true" />} onClick={() => void copy()}>
          {copied === true ? "Copied" : "Copy"}
        </Button>
      </div>
      {copied === "failed" && (
        <p className="field-error" role="alert">
          The browser did not let Baton copy it: select the text and copy it yourself.
        </p>
      )}
    </>
  );
}
