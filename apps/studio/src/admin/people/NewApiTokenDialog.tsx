import { useId, useState } from "react";
import { Button } from "../../ui/Button.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { TextField } from "../../ui/TextField.tsx";
import type { AdminUser, CreatedApiToken } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { FormDialog } from "../FormDialog.tsx";
import { useAdminMutation } from "../use-admin-mutation.ts";
import { SecretCopy } from "./SecretCopy.tsx";

const MAX_DAYS = 3650;

/**
 * Creating a token: a name (what will use it) and, if wanted, after how
 * many days it stops working; then its secret, shown this once.
 */
export function NewApiTokenDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return created ? <TokenOnce created={created} onClose={onClose} /> : <NewTokenForm user={user} onCreated={setCreated} onClose={onClose} />;
}

function daysError(text: string): string | null {
  if (text.trim() === "") return null;
  const days = Number(text);
  return Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? null : `a whole number of days from 1 to ${MAX_DAYS}, or empty`;
}

function NewTokenForm({ user, onCreated, onClose }: { user: AdminUser; onCreated: (created: CreatedApiToken) => void; onClose: () => void }) {
  const api = useAdminApi();
  const id = useId();
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [tried, setTried] = useState(false);
  const create = useAdminMutation(() => api.createApiToken({ username: user.username, name: name.trim(), expiresInDays: days.trim() ? Number(days) : null }), onCreated);
  const nameError = tried && !name.trim() ? "enter a name, e.g. the system that will use it" : create.fieldError("name");
  const expiryError = (tried ? daysError(days) : null) ?? create.fieldError("expiresInDays");
  const busy = create.mutation.isPending;
  const submit = () => {
    setTried(true);
    if (name.trim() && !daysError(days)) create.mutation.mutate(undefined);
  };
  return (
    <FormDialog title={`New API token for ${user.displayName}`} submitLabel="Create token" busy={busy} formError={create.formError} onSubmit={submit} onClose={onClose} className="dialog-form admin-form">
      <p>The token lets an outside system call Baton as {user.displayName}, with exactly their rights.</p>
      <TextField id={`${id}-name`} label="Name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} help="What uses it, e.g. “Payment provider”." maxLength={100} data-autofocus />
      <TextField
        id={`${id}-days`}
        label="Expires after (days)"
        inputMode="numeric"
        value={days}
        onChange={(e) => setDays(e.target.value)}
        error={expiryError}
        help="Leave empty for a token that does not expire."
      />
    </FormDialog>
  );
}

function TokenOnce({ created, onClose }: { created: CreatedApiToken; onClose: () => void }) {
  return (
    <Dialog
      title={`Token "${created.token.name}" created`}
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <p>
        <strong>Copy the token now: you will not see it again.</strong> Baton keeps only a fingerprint of it. If it gets lost, revoke it and create a new one.
      </p>
      <SecretCopy label="API token" value={created.secret} autoFocus />
      <p className="muted">
        The system sends it with each call as <code>Authorization: Bearer &lt;token&gt;</code>
        {created.token.expiresAt ? `; it stops working on ${new Date(created.token.expiresAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}.` : "."}
      </p>
    </Dialog>
  );
}
