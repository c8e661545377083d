import { useId } from "react";
import { TextField } from "../../ui/TextField.tsx";

export type PasswordMode = "generate" | "set";

/** Generate a temporary password (shown once afterwards), or type one. */
export function PasswordChoice({ mode, onMode, password, onPassword, error }: { mode: PasswordMode; onMode: (mode: PasswordMode) => void; password: string; onPassword: (value: string) => void; error: string | null }) {
  const id = useId();
  return (
    <fieldset className="admin-checks">
      <legend className="field-label">Password</legend>
      <label className="admin-check">
        <input type="radio" name={`${id}-mode`} checked={mode === "generate"} onChange={() => onMode("generate")} />
        <span>Generate a password (shown to you once, to hand over)</span>
      </label>
      <label className="admin-check">
        <input type="radio" name={`${id}-mode`} checked={mode === "set"} onChange={() => onMode("set")} />
        <span>Set a password myself</span>
      </label>
      {mode === "set" && <TextField id={`${id}-password`} label="New password" type="password" value={password} onChange={(e) => onPassword(e.target.value)} error={error} help="At least 10 characters." autoComplete="new-password" />}
    </fieldset>
  );
}
