import { useQuery } from "@tanstack/react-query";
import { Plus, Users } from "lucide-react";
import { useState } from "react";
import type { Me } from "../../api/studio-types.ts";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorState } from "../../ui/ErrorState.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { adminQueryKeys, type OneTimePassword } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { GroupDialog } from "./GroupDialog.tsx";
import { GroupsPanel } from "./GroupsPanel.tsx";
import { PasswordOnceDialog } from "./PasswordOnceDialog.tsx";
import { UserDialog } from "./UserDialog.tsx";
import { UsersTable } from "./UsersTable.tsx";

/** `/admin/people`: every user and group, and the changes an admin makes to them. */
export function PeoplePage({ me }: { me: Me }) {
  const api = useAdminApi();
  const people = useQuery({ queryKey: adminQueryKeys.people, queryFn: api.people });
  const [creatingUser, setCreatingUser] = useState(false);
  const [creatingGroup, setCreatingGroup] = useState(false);
  const [shown, setShown] = useState<{ result: OneTimePassword; title: string } | null>(null);

  if (people.isPending) {
    return (
      <div className="panel">
        <Spinner label="Loading users and groups…" />
      </div>
    );
  }
  if (people.isError) {
    return (
      <div className="panel">
        <ErrorState title="Users and groups could not be loaded" error={people.error} onRetry={() => void people.refetch()} />
      </div>
    );
  }
  const { users, groups } = people.data;
  return (
    <div className="admin-stack">
      <section aria-labelledby="users-title">
        <div className="section-header">
          <h2 id="users-title" className="section-title">
            Users <span className="muted">({users.length})</span>
          </h2>
          <Button variant="primary" icon={<Plus size={16} aria-hidden="true" />} onClick={() => setCreatingUser(true)}>
            New user
          </Button>
        </div>
        {users.length === 0 ? (
          <div className="panel">
            <EmptyState icon={<Users size={28} />} title="No users yet" />
          </div>
        ) : (
          <UsersTable users={users} groups={groups} me={me} onPassword={(result) => setShown({ result, title: `New password for ${result.username}` })} />
        )}
      </section>
      <section aria-labelledby="groups-title">
        <div className="section-header">
          <h2 id="groups-title" className="section-title">
            Groups <span className="muted">({groups.length})</span>
          </h2>
          <Button icon={<Plus size={16} aria-hidden="true" />} onClick={() => setCreatingGroup(true)}>
            New group
          </Button>
        </div>
        <GroupsPanel users={users} groups={groups} />
      </section>
      {creatingUser && <UserDialog groups={groups} onClose={() => setCreatingUser(false)} onCreated={(result) => setShown({ result, title: `${result.username} can sign in now` })} />}
      {creatingGroup && <GroupDialog onClose={() => setCreatingGroup(false)} />}
      {shown && <PasswordOnceDialog result={shown.result} title={shown.title} onClose={() => setShown(null)} />}
    </div>
  );
}
