import type { ApiToken } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { ConfirmDialog } from "../ConfirmDialog.tsx";
import { useAdminMutation } from "../use-admin-mutation.ts";

/** "Revoke this token?": what stops working, and that it cannot be undone. */
export function RevokeApiTokenDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const api = useAdminApi();
  const revoke = useAdminMutation(() => api.revokeApiToken(token.id), onClose);
  return (
    <ConfirmDialog
      title={`Revoke the token "${token.name}"?`}
      confirmLabel="Revoke token"
      closeLabel="Keep it"
      danger
      busy={revoke.mutation.isPending}
      error={revoke.error?.message ?? null}
      onConfirm={() => revoke.mutation.mutate(undefined)}
      onClose={onClose}
    >
      <p>
        Any system that calls Baton with the token starting <code>{token.prefix}…</code> is refused from now on. This cannot be undone: if the system still needs
        access, create a new token and put it there.
      </p>
    </ConfirmDialog>
  );
}
