import { X } from "lucide-react";
import { useId, useState } from "react";
import type { AdminGroup, AdminUser } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { useAdminMutation } from "../use-admin-mutation.ts";
import { Button } from "../../ui/Button.tsx";

/** Each group with its members: add one from the users, take one out. */
export function GroupsPanel({ users, groups }: { users: AdminUser[]; groups: AdminGroup[] }) {
  if (groups.length === 0) {
    return (
      <div className="panel">
        <p className="admin-empty-line">There are no groups yet. Groups receive work as a queue: create one, then add its members.</p>
      </div>
    );
  }
  return (
    <ul className="group-grid">
      {groups.map((g) => (
        <GroupCard key={g.key} group={g} users={users} />
      ))}
    </ul>
  );
}

function GroupCard({ group, users }: { group: AdminGroup; users: AdminUser[] }) {
  const id = useId();
  const api = useAdminApi();
  const [adding, setAdding] = useState("");
  const change = useAdminMutation((input: { username: string; member: boolean }) => api.setMembership(input.username, group.key, input.member), () => setAdding(""));
  const nameOf = (username: string) => users.find((u) => u.username === username)?.displayName ?? username;
  const candidates = users.filter((u) => !group.members.includes(u.username));
  const busy = change.mutation.isPending;
  return (
    <li className="panel group-card" aria-labelledby={`${id}-name`}>
      <div className="group-card-head">
        <h3 id={`${id}-name`} className="group-card-name">
          {group.name}
        </h3>
        <code className="muted">{group.key}</code>
      </div>
      {group.members.length === 0 ? (
        <p className="muted">No members: work sent to this group waits for nobody.</p>
      ) : (
        <ul className="chip-list" aria-label={`Members of ${group.name}`}>
          {group.members.map((m) => (
            <li key={m} className="chip">
              {nameOf(m)}
              <button type="button" className="chip-remove" aria-label={`Remove ${nameOf(m)} from ${group.name}`} disabled={busy} onClick={() => change.mutation.mutate({ username: m, member: false })}>
                <X size={12} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <form
          className="group-card-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (adding) change.mutation.mutate({ username: adding, member: true });
          }}
        >
          <label className="visually-hidden" htmlFor={`${id}-add`}>
            Add a member to {group.name}
          </label>
          <select id={`${id}-add`} className="select" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Add a member…</option>
            {candidates.map((u) => (
              <option key={u.username} value={u.username}>
                {u.displayName} ({u.username})
              </option>
            ))}
          </select>
          <Button size="sm" type="submit" disabled={!adding} busy={busy}>
            Add
          </Button>
        </form>
      )}
      {change.error && (
        <p className="form-error" role="alert">
          {change.error.message}
        </p>
      )}
    </li>
  );
}
