import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowLeft, ArrowRightLeft, CheckCircle2, ClipboardCheck, Inbox } from "lucide-react";
import { useEffect, useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { readBatonError } from "../../../api/baton-error.ts";
import { Button } from "../../../ui/Button.tsx";
import { EmptyState } from "../../../ui/EmptyState.tsx";
import { ErrorState } from "../../../ui/ErrorState.tsx";
import { Spinner } from "../../../ui/Spinner.tsx";
import type { ProcessOverview } from "../../admin-api.ts";
import { ConfirmDialog } from "../../ConfirmDialog.tsx";
import { InstanceTable } from "./InstanceTable.tsx";
import { MappingTable } from "./MappingTable.tsx";
import { useMigrationApi, type InstanceOutcome, type MigrationReport, type MigrationRequest, type StepMapping } from "./migration-api.ts";
import { useChunkedMigration } from "./use-chunked-migration.ts";

/**
 * `/admin/processes/:key/migrate`: moving running instances to another
 * version. 1. choose the versions (from one with running instances, to
 * the latest by default); 2. map the steps the new version does not have;
 * 3. choose instances; 4. "Check (dry run)" shows per instance whether it
 * can move, and why not; 5. "Migrate N instances" moves them, with
 * progress and each outcome. Nothing moves before the admin confirms.
 */
export function MigrationWizard({ process }: { process: ProcessOverview }) {
  const id = useId();
  const api = useMigrationApi();
  const versions = process.versions;
  const latest = versions[0]?.version ?? 0;
  const defaultFrom = versions.find((v) => v.version !== latest && v.running > 0)?.version ?? versions.find((v) => v.version !== latest)?.version ?? 0;
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(latest);
  const proposal = useQuery({
    queryKey: ["studio", "admin", "migration", process.key, from, to],
    queryFn: () => api.propose(process.key, from, to),
    enabled: from > 0 && to > 0 && from !== to,
  });
  const [chosen, setChosen] = useState<StepMapping>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const migration = useChunkedMigration();
  const check = useMutation({ mutationFn: (r: MigrationRequest) => api.check(r) });

  // A new proposal (other versions, or after a migration): every instance chosen, no choices yet, no stale results.
  useEffect(() => {
    if (!proposal.data) return;
    setSelected(new Set(proposal.data.instances.map((i) => i.id)));
    setChosen({});
    check.reset();
  }, [proposal.data]);

  const request = useMemo(() => ({ processKey: process.key, fromVersion: from, toVersion: to, instanceIds: [...selected], mapping: chosen }), [process.key, from, to, selected, chosen]);
  const outcomes = useMemo(() => new Map<string, InstanceOutcome>((check.data?.results ?? []).map((r) => [r.instanceId, r])), [check.data]);
  const running = migration.progress?.running ?? false;
  const changed = () => check.reset();

  const back = (
    <Link to={`/admin/processes/${encodeURIComponent(process.key)}`} className="back-link">
      <ArrowLeft size={14} aria-hidden="true" /> {process.name}
    </Link>
  );
  if (versions.length < 2) {
    return (
      <div className="admin-stack">
        <div>{back}</div>
        <div className="panel">
          <EmptyState icon={<Inbox size={28} />} title="Nothing to migrate yet">
            <p>Migrating moves running instances to another version; {process.name} has {versions.length === 0 ? "no published version" : "only one version"}.</p>
          </EmptyState>
        </div>
      </div>
    );
  }
  const versionOptions = versions.map((v) => (
    <option key={v.version} value={v.version}>
      Version {v.version}
      {v.version === latest ? " (latest)" : ""} — {v.running} running
    </option>
  ));
  const count = selected.size;
  return (
    <div className="admin-stack">
      <div>
        {back}
        <h2 className="section-title admin-process-title">Migrate running instances</h2>
        <p className="muted">Move instances of {process.name} that run on one version to another. Each instance moves on its own; one that cannot move is left exactly as it was.</p>
      </div>
      <section aria-labelledby={`${id}-versions`} className="panel admin-panel-body">
        <h3 id={`${id}-versions`} className="subsection-title">
          1. Versions
        </h3>
        <div className="admin-form-row migration-versions">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-from`}>
              Move instances from
            </label>
            <select id={`${id}-from`} className="select" value={from} disabled={running} onChange={(e) => setFrom(Number(e.target.value))}>
              {versionOptions}
            </select>
          </div>
          <ArrowRightLeft size={18} aria-hidden="true" />
          <div className="field">
            <label className="field-label" htmlFor={`${id}-to`}>
              Move them to
            </label>
            <select id={`${id}-to`} className="select" value={to} disabled={running} onChange={(e) => setTo(Number(e.target.value))}>
              {versionOptions}
            </select>
          </div>
        </div>
        {from === to && (
          <p className="form-error" role="alert">
            Choose two different versions.
          </p>
        )}
      </section>
      {from !== to && proposal.isPending && (
        <div className="panel">
          <Spinner label="Comparing the versions…" />
        </div>
      )}
      {proposal.isError && (
        <div className="panel">
          <ErrorState title="The versions could not be compared" error={proposal.error} onRetry={() => void proposal.refetch()} />
        </div>
      )}
      {from !== to && proposal.data && (
        <>
          <section aria-labelledby={`${id}-mapping`}>
            <h3 id={`${id}-mapping`} className="subsection-title">
              2. Steps to map
            </h3>
            {proposal.data.choices.length === 0 ? (
              <div className="panel">
                <p className="admin-empty-line">Every step of version {from} is in version {to}: work stays at the step of the same name.</p>
              </div>
            ) : (
              <MappingTable
                choices={proposal.data.choices}
                chosen={chosen}
                toVersion={to}
                onChange={(stepId, target) => {
                  setChosen((c) => ({ ...c, [stepId]: target }));
                  changed();
                }}
              />
            )}
          </section>
          <section aria-labelledby={`${id}-instances`}>
            <h3 id={`${id}-instances`} className="subsection-title">
              3. Running instances of version {from}
            </h3>
            {proposal.data.instances.length === 0 ? (
              <div className="panel">
                <EmptyState icon={<CheckCircle2 size={28} />} title={`No instance runs on version ${from}`}>
                  <p>Nothing to move.</p>
                </EmptyState>
              </div>
            ) : (
              <InstanceTable
                instances={proposal.data.instances}
                selected={selected}
                outcomes={outcomes}
                disabled={running}
                onToggle={(instanceId, on) => {
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(instanceId);
                    else next.delete(instanceId);
                    return next;
                  });
                  changed();
                }}
                onToggleAll={(on) => {
                  setSelected(on ? new Set(proposal.data.instances.map((i) => i.id)) : new Set());
                  changed();
                }}
              />
            )}
          </section>
          {proposal.data.instances.length > 0 && (
            <section aria-labelledby={`${id}-run`} className="panel admin-panel-body">
              <h3 id={`${id}-run`} className="subsection-title">
                4. Check and migrate
              </h3>
              {count === 0 && <p className="muted">Choose at least one instance above.</p>}
              <div className="row-actions migration-actions">
                <Button icon={<ClipboardCheck size={16} aria-hidden="true" />} busy={check.isPending} disabled={count === 0 || running} onClick={() => check.mutate(request)}>
                  Check (dry run)
                </Button>
                <Button variant="primary" icon={<ArrowRightLeft size={16} aria-hidden="true" />} disabled={count === 0 || running} onClick={() => setConfirming(true)}>
                  Migrate {count} instance{count === 1 ? "" : "s"}
                </Button>
              </div>
              {check.isError && (
                <p className="form-error" role="alert">
                  {readBatonError(check.error).message}
                </p>
              )}
              {check.data && <CheckSummary report={check.data} />}
              <MigrationProgressView progress={migration.progress} />
            </section>
          )}
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Migrate ${count} instance${count === 1 ? "" : "s"} to version ${to}?`}
          confirmLabel={`Migrate ${count}`}
          busy={false}
          error={null}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void migration.start(request);
          }}
        >
          <p>
            Each instance is checked again and moved on its own: its open tasks keep their assignee and drafts and take version {to}'s step and form. An instance that
            cannot move stays on version {from}, unchanged.
          </p>
          <p className="muted">Recorded in each instance's protocol with your name.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function CheckSummary({ report }: { report: MigrationReport }) {
  const can = report.results.filter((r) => r.outcome === "checked").length;
  const warned = report.results.filter((r) => r.warnings.length > 0).length;
  return (
    <p role="status" className="migration-summary">
      Dry run (nothing was changed): {can} of {report.results.length} can move{can < report.results.length ? `, ${report.results.length - can} cannot — see why in the list above` : ""}
      {warned > 0 ? `; ${warned} with warnings` : ""}.
    </p>
  );
}

function MigrationProgressView({ progress }: { progress: ReturnType<typeof useChunkedMigration>["progress"] }) {
  if (!progress) return null;
  const moved = progress.results.filter((r) => r.outcome === "migrated").length;
  const notMoved = progress.results.filter((r) => r.outcome !== "migrated");
  return (
    <div className="migration-progress">
      <progress max={progress.total} value={progress.done} aria-label="Migration progress" />
      <p role="status">
        {progress.running ? `Migrating… ${progress.done} of ${progress.total} done.` : `Done: ${moved} of ${progress.total} migrated${notMoved.length ? `, ${notMoved.length} not` : ""}.`}
      </p>
      {progress.error && (
        <p className="form-error" role="alert">
          {progress.error}
        </p>
      )}
      {progress.results.length > 0 && (
        <ul className="migration-results" aria-label="Outcome per instance">
          {progress.results.map((r) => (
            <li key={r.instanceId}>
              <span className={`tag ${r.outcome === "migrated" ? "tag-published" : "tag-danger"}`}>{r.outcome === "migrated" ? "Migrated" : r.outcome === "refused" ? "Not moved" : "Failed"}</span>{" "}
              {r.number !== null ? `#${r.number} ` : ""}
              {r.title}
              {r.reasons.map((reason) => (
                <div key={reason} className="row-sub migration-reason">
                  {reason}
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
