import { KeyRound, KeySquare, Pencil, UserCheck, UserX } from "lucide-react";
import { useState } from "react";
import type { Me } from "../../api/studio-types.ts";
import { Button } from "../../ui/Button.tsx";
import type { AdminGroup, AdminUser, OneTimePassword } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { ConfirmDialog } from "../ConfirmDialog.tsx";
import { useAdminMutation } from "../use-admin-mutation.ts";
import { ApiTokensDialog } from "./ApiTokensDialog.tsx";
import { ResetPasswordDialog } from "./ResetPasswordDialog.tsx";
import { ROLE_NAMES, UserDialog } from "./UserDialog.tsx";

type Action = { kind: "edit" | "reset" | "tokens" | "disable" | "enable"; user: AdminUser };

/** The users, with the actions on each row. */
export function UsersTable({ users, groups, me, onPassword }: { users: AdminUser[]; groups: AdminGroup[]; me: Me; onPassword: (result: OneTimePassword) => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const groupName = (key: string) => groups.find((g) => g.key === key)?.name ?? key;
  const close = () => setAction(null);
  return (
    <div className="panel table-panel admin-table-scroll">
      <table className="table admin-table">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Groups</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.username} className={u.disabled ? "is-disabled" : undefined}>
              <td>
                <div className="row-title">
                  {u.displayName}
                  {u.username === me.username && <span className="muted"> (you)</span>}
                </div>
                <div className="row-sub">
                  <code>{u.username}</code>
                  {u.email && <span> · {u.email}</span>}
                </div>
              </td>
              <td>
                <span className={u.role === "admin" ? "tag tag-accent" : "tag"}>{ROLE_NAMES[u.role]}</span>
              </td>
              <td>
                {u.groups.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <ul className="chip-list" aria-label={`Groups of ${u.displayName}`}>
                    {u.groups.map((g) => (
                      <li key={g} className="chip">
                        {groupName(g)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{u.disabled ? <span className="tag tag-danger">Disabled</span> : <span className="tag tag-published">Active</span>}</td>
              <td className="row-actions">
                <Button size="sm" variant="ghost" icon={<Pencil size={14} aria-hidden="true" />} aria-label={`Edit ${u.displayName}`} onClick={() => setAction({ kind: "edit", user: u })}>
                  Edit
                </Button>
                <Button size="sm" variant="ghost" icon={<KeyRound size={14} aria-hidden="true" />} aria-label={`Reset the password of ${u.displayName}`} onClick={() => setAction({ kind: "reset", user: u })}>
                  Reset password
                </Button>
                <Button size="sm" variant="ghost" icon={<KeySquare size={14} aria-hidden="true" />} aria-label={`API tokens of ${u.displayName}`} onClick={() => setAction({ kind: "tokens", user: u })}>
                  API tokens
                </Button>
                {u.disabled ? (
                  <Button size="sm" variant="ghost" icon={<UserCheck size={14} aria-hidden="true" />} aria-label={`Enable ${u.displayName}`} onClick={() => setAction({ kind: "enable", user: u })}>
                    Enable
                  </Button>
                ) : (
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={<UserX size={14} aria-hidden="true" />}
                    aria-label={`Disable ${u.displayName}`}
                    disabled={u.username === me.username}
                    title={u.username === me.username ? "You cannot disable yourself; another admin can." : undefined}
                    onClick={() => setAction({ kind: "disable", user: u })}
                  >
                    Disable
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {action?.kind === "edit" && <UserDialog user={action.user} groups={groups} onClose={close} onCreated={() => {}} />}
      {action?.kind === "reset" && <ResetPasswordDialog user={action.user} onClose={close} onReset={onPassword} />}
      {action?.kind === "tokens" && <ApiTokensDialog user={action.user} groups={groups} onClose={close} />}
      {(action?.kind === "disable" || action?.kind === "enable") && <DisableDialog user={action.user} disable={action.kind === "disable"} onClose={close} />}
    </div>
  );
}

function DisableDialog({ user, disable, onClose }: { user: AdminUser; disable: boolean; onClose: () => void }) {
  const api = useAdminApi();
  const change = useAdminMutation(() => api.setUserDisabled(user.username, disable), onClose);
  return (
    <ConfirmDialog
      title={disable ? `Disable ${user.displayName}?` : `Enable ${user.displayName}?`}
      confirmLabel={disable ? "Disable user" : "Enable user"}
      danger={disable}
      busy={change.mutation.isPending}
      error={change.error?.message ?? null}
      onConfirm={() => change.mutation.mutate(undefined)}
      onClose={onClose}
    >
      {disable ? (
        <p>
          {user.displayName} is signed out at once and cannot sign in until enabled again. Their tasks stay assigned to them and nothing they did is removed;
          hand their open tasks to someone else from the portal.
        </p>
      ) : (
        <p>{user.displayName} can sign in again with their password and sees their tasks as before.</p>
      )}
    </ConfirmDialog>
  );
}
