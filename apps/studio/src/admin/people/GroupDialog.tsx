import { useId, useState } from "react";
import { Button } from "../../ui/Button.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useAdminApi } from "../admin-api-context.ts";
import { useAdminMutation } from "../use-admin-mutation.ts";

/** A group key from its name: "Night shift" → "night-shift". */
export const groupKeyFrom = (name: string): string =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);

/** A new group: a name, and the key processes assign work to. */
export function GroupDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const api = useAdminApi();
  const [name, setName] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const shownKey = key ?? groupKeyFrom(name);
  const create = useAdminMutation(() => api.createGroup(shownKey, name), onClose);
  const nameError = (tried && !name.trim() ? "enter a name" : null) ?? create.fieldError("name");
  const keyError = (tried && !shownKey ? "enter a key" : null) ?? create.fieldError("key");
  const busy = create.mutation.isPending;
  return (
    <Dialog
      title="New group"
      onClose={onClose}
      locked={busy}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={`${id}-form`} busy={busy}>
            Create group
          </Button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="dialog-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (name.trim() && shownKey) create.mutation.mutate(undefined);
        }}
      >
        <TextField id={`${id}-name`} label="Name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} autoComplete="off" data-autofocus />
        <TextField id={`${id}-key`} label="Key" value={shownKey} onChange={(e) => setKey(e.target.value)} error={keyError} help="Processes assign work to this key; it cannot be changed later." className="is-mono" autoComplete="off" />
        {create.formError && (
          <p className="form-error" role="alert">
            {create.formError}
          </p>
        )}
      </form>
    </Dialog>
  );
}
