import { TextField } from "../properties/editors/TextField.tsx";

type NumberProps = { label: string; value: number | undefined; integer?: boolean; readOnly: boolean; onCommit: (value: number | undefined) => void };

/** A number property; empty removes it. */
export function NumberField({ label, value, integer, readOnly, onCommit }: NumberProps) {
  return (
    <TextField
      label={label}
      type="number"
      value={value === undefined ? "" : String(value)}
      readOnly={readOnly}
      validate={(t) => {
        if (!t.trim()) return null;
        const n = Number(t);
        if (!Number.isFinite(n)) return "Enter a number.";
        if (integer && (!Number.isInteger(n) || n < 0)) return "Enter a whole number, 0 or more.";
        return null;
      }}
      onCommit={(t) => onCommit(t.trim() ? Number(t) : undefined)}
    />
  );
}
