import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { ErrorState } from "../../ui/ErrorState.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { adminQueryKeys } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { useAdminMutation } from "../use-admin-mutation.ts";

/** Admins always publish; each analyst only where an admin allows it here. */
export function PublishersPanel({ processKey }: { processKey: string }) {
  const id = useId();
  const api = useAdminApi();
  const people = useQuery({ queryKey: adminQueryKeys.people, queryFn: api.people });
  const publishers = useQuery({ queryKey: adminQueryKeys.publishers, queryFn: api.publishers });
  const change = useAdminMutation((input: { username: string; allowed: boolean }) => api.setPublisher(processKey, input.username, input.allowed));
  if (people.isPending || publishers.isPending) {
    return (
      <div className="panel">
        <Spinner label="Loading who may publish…" />
      </div>
    );
  }
  if (people.isError || publishers.isError) {
    return (
      <div className="panel">
        <ErrorState
          title="Who may publish could not be loaded"
          error={people.error ?? publishers.error}
          onRetry={() => {
            void people.refetch();
            void publishers.refetch();
          }}
        />
      </div>
    );
  }
  const analysts = people.data.users.filter((u) => u.role === "analyst" && !u.disabled);
  const allowed = new Set((publishers.data[processKey] ?? []).map((p) => p.username));
  return (
    <div className="panel admin-panel-body">
      <p className="muted" id={`${id}-help`}>
        Admins may always publish. Analysts may publish this process when allowed here; the analyst who first published a process is allowed from the start.
      </p>
      {analysts.length === 0 ? (
        <p className="muted">There are no active analysts.</p>
      ) : (
        <fieldset className="admin-checks" aria-describedby={`${id}-help`}>
          <legend className="visually-hidden">Analysts allowed to publish</legend>
          {analysts.map((a) => (
            <label key={a.username} className="admin-check">
              <input
                type="checkbox"
                checked={allowed.has(a.username)}
                disabled={change.mutation.isPending}
                onChange={(e) => change.mutation.mutate({ username: a.username, allowed: e.target.checked })}
              />
              <span>
                {a.displayName} <span className="muted">({a.username})</span> may publish
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {change.error && (
        <p className="form-error" role="alert">
          {change.error.message}
        </p>
      )}
    </div>
  );
}
