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
  boundaryEvent: "event on a step's border",
  exclusiveGateway: "decision",
  parallelGateway: "parallel paths",
  inclusiveGateway: "paths by condition",
  eventBasedGateway: "first event wins",
  notify: "notification",
  end: "end",
  start: "start",
};

/**
 * Steps of the old version that the new one does not have (same id and
 * kind): for each, the admin picks the step of the new version it becomes,
 * among those of the same kind, or none. Steps where instances are, and
 * timer events, are listed; the others are folded away.
 */
export function MappingTable({ choices, chosen, toVersion, onChange }: { choices: MigrationChoice[]; chosen: StepMapping; toVersion: number; onChange: (stepId: string, to: string | null) => void }) {
  // Where work is, and timer events (an activity's deadline follows its event), matter; the rest only on request.
  const matters = (c: MigrationChoice) => c.activeInstances > 0 || c.kind === "boundaryEvent";
  const main = choices.filter(matters).sort((a, b) => b.activeInstances - a.activeInstances);
  const rest = choices.filter((c) => !matters(c));
  const table = (list: MigrationChoice[]) => <ChoiceTable choices={list} chosen={chosen} toVersion={toVersion} onChange={onChange} />;
  return (
    <>
      {main.length > 0 ? table(main) : <p className="admin-empty-line">No running instance is at a step that version {toVersion} lacks.</p>}
      {rest.length > 0 && (
        <details className="migration-other-steps">
          <summary>
            {rest.length} other step{rest.length === 1 ? "" : "s"} of the old version {rest.length === 1 ? "is" : "are"} not in version {toVersion}; no instance is there now
          </summary>
          {table(rest)}
        </details>
      )}
    </>
  );
}

function ChoiceTable({ choices, chosen, toVersion, onChange }: { choices: MigrationChoice[]; chosen: StepMapping; toVersion: number; onChange: (stepId: string, to: string | null) => void }) {
  const id = useId();
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
          {choices.map((c) => (
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
