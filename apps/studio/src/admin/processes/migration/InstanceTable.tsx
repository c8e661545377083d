import { AlertTriangle, CheckCircle2, XCircle } from "lucide-react";
import type { InstanceOutcome, MigrationCandidate } from "./migration-api.ts";

/** The running instances of the old version: pick which to move; after a check or a migration, what happened to each. */
export function InstanceTable({
  instances,
  selected,
  outcomes,
  disabled,
  onToggle,
  onToggleAll,
}: {
  instances: MigrationCandidate[];
  selected: ReadonlySet<string>;
  outcomes: ReadonlyMap<string, InstanceOutcome>;
  disabled: boolean;
  onToggle: (id: string, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
}) {
  const all = instances.length > 0 && instances.every((i) => selected.has(i.id));
  return (
    <div className="panel table-panel admin-table-scroll">
      <table className="table admin-table">
        <caption className="visually-hidden">Running instances of the old version</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label="Choose all instances" checked={all} disabled={disabled} onChange={(e) => onToggleAll(e.target.checked)} />
            </th>
            <th scope="col">Instance</th>
            <th scope="col">Where it is now</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {instances.map((i) => (
            <tr key={i.id}>
              <td>
                <input type="checkbox" aria-label={`Migrate #${i.number} ${i.title}`} checked={selected.has(i.id)} disabled={disabled} onChange={(e) => onToggle(i.id, e.target.checked)} />
              </td>
              <td>
                #{i.number} {i.title}
                <div className="row-sub">{i.status === "incident" ? "stopped by an incident" : "running"}</div>
              </td>
              <td>{i.activeSteps.map((s) => s.name).join(", ") || "—"}</td>
              <td className="migration-outcome">
                <Outcome outcome={outcomes.get(i.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const LABELS: Record<InstanceOutcome["outcome"], string> = { checked: "Can move", migrated: "Migrated", refused: "Cannot move", failed: "Failed, left as it was" };

function Outcome({ outcome }: { outcome: InstanceOutcome | undefined }) {
  if (!outcome) return <span className="muted">—</span>;
  const ok = outcome.outcome === "checked" || outcome.outcome === "migrated";
  return (
    <div>
      <span className={`tag ${ok ? "tag-published" : "tag-danger"}`}>
        {ok ? <CheckCircle2 size={12} aria-hidden="true" /> : <XCircle size={12} aria-hidden="true" />} {LABELS[outcome.outcome]}
      </span>
      {outcome.moves.length > 0 && <div className="row-sub">{outcome.moves.map((m) => `${m.from} → ${m.to}`).join(", ")}</div>}
      {outcome.reasons.map((r) => (
        <div key={r} className="row-sub migration-reason">
          {r}
        </div>
      ))}
      {outcome.warnings.map((w) => (
        <div key={w} className="row-sub migration-warning">
          <AlertTriangle size={12} aria-label="Warning:" /> {w}
        </div>
      ))}
      {outcome.draftsKept > 0 && <div className="row-sub">{outcome.draftsKept === 1 ? "1 draft kept" : `${outcome.draftsKept} drafts kept`}</div>}
    </div>
  );
}
