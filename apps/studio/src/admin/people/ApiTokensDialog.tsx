import { useQuery } from "@tanstack/react-query";
import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "../../ui/Button.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorState } from "../../ui/ErrorState.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { adminQueryKeys, type AdminGroup, type AdminUser, type ApiToken } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { ApiTokensTable } from "./ApiTokensTable.tsx";
import { NewApiTokenDialog } from "./NewApiTokenDialog.tsx";
import { RevokeApiTokenDialog } from "./RevokeApiTokenDialog.tsx";

/** The group whose members may send messages (packages/runtime correlate-message.ts). */
const MESSAGE_SENDERS = "message-senders";

type Step = { kind: "list" } | { kind: "new" } | { kind: "revoke"; token: ApiToken };

/**
 * A user's personal API tokens, for outside systems that call Baton as
 * them: the list, and from it creating one (its secret shown once) or
 * revoking one. One dialog at a time: each step replaces the list and
 * comes back to it.
 */
export function ApiTokensDialog({ user, groups, onClose }: { user: AdminUser; groups: AdminGroup[]; onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: "list" });
  const back = () => setStep({ kind: "list" });
  if (step.kind === "new") return <NewApiTokenDialog user={user} onClose={back} />;
  if (step.kind === "revoke") return <RevokeApiTokenDialog token={step.token} onClose={back} />;
  return <TokenList user={user} groups={groups} onNew={() => setStep({ kind: "new" })} onRevoke={(token) => setStep({ kind: "revoke", token })} onClose={onClose} />;
}

type ListProps = { user: AdminUser; groups: AdminGroup[]; onNew: () => void; onRevoke: (token: ApiToken) => void; onClose: () => void };

function TokenList({ user, groups, onNew, onRevoke, onClose }: ListProps) {
  const api = useAdminApi();
  const tokens = useQuery({ queryKey: adminQueryKeys.apiTokens(user.username), queryFn: () => api.apiTokens(user.username) });
  const sendersGroup = groups.find((g) => g.key === MESSAGE_SENDERS);
  return (
    <Dialog
      title={`API tokens of ${user.displayName}`}
      onClose={onClose}
      wide
      actions={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button variant="primary" icon={<Plus size={16} aria-hidden="true" />} onClick={onNew} disabled={user.disabled} title={user.disabled ? "Enable the user first." : undefined} data-autofocus>
            New token
          </Button>
        </>
      }
    >
      <div className="api-tokens">
        <p>
          An outside system (a payment provider, a web shop) calls Baton with a token instead of signing in, as {user.displayName} and with their rights.
          {sendersGroup && !user.groups.includes(MESSAGE_SENDERS) && ` To let it send messages, add ${user.displayName} to the group “${sendersGroup.name}”.`}
        </p>
        {user.disabled && <p className="muted">{user.displayName} is disabled: their tokens do not work until they are enabled again.</p>}
        {tokens.isPending ? (
          <Spinner label="Loading tokens…" />
        ) : tokens.isError ? (
          <ErrorState title="The tokens could not be loaded" error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyState icon={<KeyRound size={28} />} title="No API tokens yet">
            Create one for each system that needs access, so you can revoke one without touching the others.
          </EmptyState>
        ) : (
          <ApiTokensTable tokens={tokens.data} ownerName={user.displayName} onRevoke={onRevoke} />
        )}
      </div>
    </Dialog>
  );
}
