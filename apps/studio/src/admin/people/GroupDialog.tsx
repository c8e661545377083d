import { useId, useState } from "react";
import { TextField } from "../../ui/TextField.tsx";
import { useAdminApi } from "../admin-api-context.ts";
import { FormDialog } from "../FormDialog.tsx";
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
    <FormDialog
      title="New group"
      submitLabel="Create group"
      busy={busy}
      formError={create.formError}
      onSubmit={() => {
        setTried(true);
        if (name.trim() && shownKey) create.mutation.mutate(undefined);
      }}
      onClose={onClose}
    >
      <TextField id={`${id}-name`} label="Name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} autoComplete="off" data-autofocus />
      <TextField id={`${id}-key`} label="Key" value={shownKey} onChange={(e) => setKey(e.target.value)} error={keyError} help="Processes assign work to this key; it cannot be changed later." className="is-mono" autoComplete="off" />
    </FormDialog>
  );
}
