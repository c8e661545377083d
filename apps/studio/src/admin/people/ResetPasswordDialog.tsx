import { useState } from "react";
import { Button } from "../../ui/Button.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import type { AdminUser, OneTimePassword } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { useAdminMutation } from "../use-admin-mutation.ts";
import { PasswordChoice, type PasswordMode } from "./PasswordChoice.tsx";

/** Gives a user a new password (generated or typed); they are signed out everywhere. */
export function ResetPasswordDialog({ user, onClose, onReset }: { user: AdminUser; onClose: () => void; onReset: (result: OneTimePassword) => void }) {
  const api = useAdminApi();
  const [mode, setMode] = useState<PasswordMode>("generate");
  const [password, setPassword] = useState("");
  const [tried, setTried] = useState(false);
  const reset = useAdminMutation(
    () => api.resetPassword(user.username, mode === "set" ? password : undefined),
    (result) => {
      onReset(result);
      onClose();
    },
  );
  const localError = tried && mode === "set" && password.length < 10 ? "at least 10 characters" : null;
  const busy = reset.mutation.isPending;
  return (
    <Dialog
      title={`Reset the password of ${user.displayName}?`}
      onClose={onClose}
      locked={busy}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant="primary"
            busy={busy}
            onClick={() => {
              setTried(true);
              if (mode === "generate" || password.length >= 10) reset.mutation.mutate(undefined);
            }}
          >
            Reset password
          </Button>
        </>
      }
    >
      <p>Their old password stops working at once, and they are signed out of every browser.</p>
      <PasswordChoice mode={mode} onMode={setMode} password={password} onPassword={setPassword} error={localError ?? reset.fieldError("password")} />
      {reset.formError && (
        <p className="form-error" role="alert">
          {reset.formError}
        </p>
      )}
    </Dialog>
  );
}
