import { checkFeelExpression } from "@baton/model";
import { CheckCircle2, XCircle } from "lucide-react";
import { TextField } from "./TextField.tsx";

type Props = {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** An empty field is allowed (e.g. no condition); else an expression is required. */
  optional?: boolean;
  placeholder?: string;
  readOnly?: boolean;
  /** What the expression is evaluated over, in words (shown while it is fine). */
  context?: string;
};

/**
 * A FEEL expression, syntax-checked as the analyst types (with where the
 * mistake is). A syntax error does not block keeping the text: the
 * problems list reports it until it is fixed, so nothing typed is lost.
 */
export function FeelField({ label, value, onCommit, optional, placeholder, readOnly, context }: Props) {
  return (
    <TextField
      label={label}
      value={value}
      onCommit={onCommit}
      mono
      placeholder={placeholder}
      readOnly={readOnly}
      validate={(text) => (!optional && !text.trim() ? "An expression is required here." : null)}
      hint={(text) => {
        if (!text.trim()) return context ?? null;
        const result = checkFeelExpression(text);
        return result.ok ? (
          <span className="feel-ok">
            <CheckCircle2 size={13} aria-hidden="true" /> Valid FEEL{context ? ` · ${context}` : ""}
          </span>
        ) : (
          <span className="feel-error" role="status">
            <XCircle size={13} aria-hidden="true" /> {result.message}
          </span>
        );
      }}
    />
  );
}
