import { useId } from "react";
import type { MigrationChoice, StepMapping } from "./migration-api.ts";

const KIND_NAMES: Record<string, string> = {
  userTask: "task",
  approval: "approval",
  timer: "timer",
  serviceCall: "service call",
  callActivity: "call of another process",
  subProcess: "sub-process",
  messageCatch: "message wait",
};

/**
 * Steps of the old version that the new one does not have (same id and
 * kind): for each, the admin picks the step of the new version it becomes,
 * among those of the same kind, or none. Steps where instances are come first.
 */
export function MappingTable({ choices, chosen, toVersion, onChange }: { choices: MigrationChoice[]; chosen: StepMapping; toVersion: number; onChange: (stepId: string, to: string | null) => void }) {
  const id = useId();
  const ordered = [...choices].sort((a, b) => b.activeInstances - a.activeInstances);
  return (
    <div className="panel table-panel admin-table-scroll">
      <table className="table admin-table">
        <caption className="visually-hidden">Steps that need a counterpart in version {toVersion}</caption>
        <thead>
          <tr>
            <th scope="col">Step of the old version</th>
            <th scope="col" className="num">
              Instances there
            </th>
            <th scope="col">Becomes in version {toVersion}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((c) => (
            <tr key={c.stepId}>
              <th scope="row">
                <label htmlFor={`${id}-${c.stepId}`}>{c.name}</label>
                <div className="row-sub">
                  {KIND_NAMES[c.kind] ?? c.kind} · <code>{c.stepId}</code>
                </div>
              </th>
              <td className="num">{c.activeInstances}</td>
              <td>
                <select id={`${id}-${c.stepId}`} className="select" value={chosen[c.stepId] ?? ""} onChange={(e) => onChange(c.stepId, e.target.value || null)}>
                  <option value="">None — instances there cannot move</option>
                  {c.options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name} ({o.id})
                    </option>
                  ))}
                </select>
                {c.options.length === 0 && <div className="row-sub">Version {toVersion} has no step of this kind.</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
