import { useId, useState } from "react";
import type { Role } from "../../api/studio-types.ts";
import { TextField } from "../../ui/TextField.tsx";
import type { AdminGroup, AdminUser, OneTimePassword } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { FormDialog } from "../FormDialog.tsx";
import { useAdminMutation } from "../use-admin-mutation.ts";
import { PasswordChoice, type PasswordMode } from "./PasswordChoice.tsx";

export const ROLE_NAMES: Record<Role, string> = { admin: "Admin", analyst: "Analyst", participant: "Participant" };
const ROLE_HELP: Record<Role, string> = {
  participant: "Works in the portal: starts processes and does tasks.",
  analyst: "Also designs processes in the studio; publishes those an admin allows.",
  admin: "Everything, including this console.",
};

type Props = {
  /** The user to edit; none: a new user. */
  user?: AdminUser;
  groups: AdminGroup[];
  onClose: () => void;
  /** A new user was created with this password (to show once). */
  onCreated: (created: OneTimePassword) => void;
};

/** Creates a user, or edits one's name, e-mail, role and groups. */
export function UserDialog({ user, groups, onClose, onCreated }: Props) {
  const id = useId();
  const api = useAdminApi();
  const [username, setUsername] = useState(user?.username ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [email, setEmail] = useState(user?.email ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? "participant");
  const [member, setMember] = useState<Set<string>>(new Set(user?.groups ?? []));
  const [passwordMode, setPasswordMode] = useState<PasswordMode>("generate");
  const [password, setPassword] = useState("");
  const [tried, setTried] = useState(false);

  const save = useAdminMutation(
    async (): Promise<OneTimePassword | null> => {
      const emailOrNull = email.trim() || null;
      if (!user) {
        return api.createUser({ username: username.trim(), displayName, email: emailOrNull, role, groups: [...member], ...(passwordMode === "set" ? { password } : {}) });
      }
      await api.updateUser({ username: user.username, displayName, email: emailOrNull, role });
      for (const group of groups) {
        const was = user.groups.includes(group.key);
        if (was !== member.has(group.key)) await api.setMembership(user.username, group.key, !was);
      }
      return null;
    },
    (created) => {
      if (created) onCreated(created);
      onClose();
    },
  );

  const local = {
    username: !user && !username.trim() ? "enter a user name" : null,
    displayName: !displayName.trim() ? "enter the person's name" : null,
    password: !user && passwordMode === "set" && password.length < 10 ? "at least 10 characters" : null,
  };
  const errorOf = (path: keyof typeof local | "email" | "groups") => (tried ? (local[path as keyof typeof local] ?? null) : null) ?? save.fieldError(path);
  const busy = save.mutation.isPending;
  const submit = () => {
    setTried(true);
    if (!Object.values(local).some(Boolean)) save.mutation.mutate(undefined);
  };
  const toggle = (key: string) =>
    setMember((all) => {
      const next = new Set(all);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <FormDialog
      title={user ? `Edit ${user.displayName}` : "New user"}
      submitLabel={user ? "Save changes" : "Create user"}
      busy={busy}
      formError={save.formError}
      onSubmit={submit}
      onClose={onClose}
      className="dialog-form admin-form"
    >
      <div className="admin-form-row">
        <TextField id={`${id}-name`} label="Name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errorOf("displayName")} autoComplete="off" data-autofocus />
        {user ? (
          <TextField id={`${id}-username`} label="User name" value={user.username} readOnly className="is-mono" error={null} help="Cannot be changed." />
        ) : (
          <TextField id={`${id}-username`} label="User name" value={username} onChange={(e) => setUsername(e.target.value)} error={errorOf("username")} help="Signs in with it: lower-case letters, digits, . _ -" className="is-mono" autoComplete="off" />
        )}
      </div>
      <TextField id={`${id}-email`} label="E-mail (optional)" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errorOf("email")} help="Notifications go here when the server sends e-mail." autoComplete="off" />
      <div className="field">
        <label className="field-label" htmlFor={`${id}-role`}>
          Role
        </label>
        <select id={`${id}-role`} className="select" value={role} onChange={(e) => setRole(e.target.value as Role)} aria-describedby={`${id}-role-help`}>
          {(Object.keys(ROLE_NAMES) as Role[]).map((r) => (
            <option key={r} value={r}>
              {ROLE_NAMES[r]}
            </option>
          ))}
        </select>
        <span id={`${id}-role-help`} className="field-help">
          {ROLE_HELP[role]}
        </span>
      </div>
      <fieldset className="admin-checks">
        <legend className="field-label">Groups</legend>
        {groups.length === 0 ? (
          <p className="muted">There are no groups yet.</p>
        ) : (
          groups.map((g) => (
            <label key={g.key} className="admin-check">
              <input type="checkbox" checked={member.has(g.key)} onChange={() => toggle(g.key)} />
              <span>{g.name}</span>
            </label>
          ))
        )}
        {errorOf("groups") && <span className="field-error">{errorOf("groups")}</span>}
      </fieldset>
      {!user && <PasswordChoice mode={passwordMode} onMode={setPasswordMode} password={password} onPassword={setPassword} error={errorOf("password")} />}
    </FormDialog>
  );
}
