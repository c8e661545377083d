import type { ReactNode } from "react";
import type { AspectChange, ConnectionRef, PackageDiff, StepRef } from "@baton/model";

/**
 * What changed between two versions as a list people read: steps added,
 * removed and changed (each aspect before → after), form fields, the
 * connections between steps, and variables. Colours repeat the diagrams'
 * highlights; the words say it too, so colour is never the only sign.
 */
export function DiffSummary({ diff }: { diff: PackageDiff }) {
  if (diff.unchanged) {
    return <p className="diff-empty">{diff.layoutChanged ? "Only the layout of the diagram changed; the process runs the same." : "The two versions run the same process."}</p>;
  }
  const { steps, connections, forms, variables } = diff;
  return (
    <div className="diff-summary">
      {diff.process.length > 0 && (
        <DiffGroup title="The process">
          {diff.process.map((c) => (
            <Aspect key={c.label} change={c} />
          ))}
        </DiffGroup>
      )}
      {steps.added.length + steps.removed.length + steps.changed.length > 0 && (
        <DiffGroup title="Steps">
          {steps.added.map((s) => (
            <li key={`a-${s.id}`} className="diff-item is-added">
              <span className="diff-kind">Added</span> {stepName(s)}
            </li>
          ))}
          {steps.removed.map((s) => (
            <li key={`r-${s.id}`} className="diff-item is-removed">
              <span className="diff-kind">Removed</span> {stepName(s)}
            </li>
          ))}
          {steps.changed.map((s) => (
            <li key={`c-${s.id}`} className="diff-item is-changed">
              <span className="diff-kind">Changed</span> {stepName(s)}
              <ul className="diff-aspects">
                {s.changes.map((c) => (
                  <Aspect key={`${c.aspect}-${c.label}`} change={c} />
                ))}
              </ul>
            </li>
          ))}
        </DiffGroup>
      )}
      {forms.length > 0 && (
        <DiffGroup title="Form fields">
          {forms.map((f) => (
            <li key={f.step.id} className="diff-item is-changed">
              Form of {stepName(f.step)}
              <ul className="diff-aspects">
                {f.added.map((x) => (
                  <li key={`a-${x.key}`}>
                    <span className="diff-kind is-added">New field</span> “{x.label}” ({x.type}
                    {x.required ? ", required" : ""})
                  </li>
                ))}
                {f.removed.map((x) => (
                  <li key={`r-${x.key}`}>
                    <span className="diff-kind is-removed">Removed field</span> “{x.label}”
                  </li>
                ))}
                {f.retyped.map((x) => (
                  <li key={`t-${x.key}`}>
                    <span className="diff-kind is-changed">Retyped</span> “{x.label}”: {x.before} → {x.after}
                  </li>
                ))}
                {f.requiredChanged.map((x) => (
                  <li key={`q-${x.key}`}>
                    <span className="diff-kind is-changed">{x.after ? "Now required" : "No longer required"}</span> “{x.label}”
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </DiffGroup>
      )}
      {connections.added.length + connections.removed.length + connections.changed.length > 0 && (
        <DiffGroup title="Connections">
          {connections.added.map((c) => (
            <li key={`a-${c.id}`} className="diff-item is-added">
              <span className="diff-kind">Added</span> {ends(c)}
            </li>
          ))}
          {connections.removed.map((c) => (
            <li key={`r-${c.id}`} className="diff-item is-removed">
              <span className="diff-kind">Removed</span> {ends(c)}
            </li>
          ))}
          {connections.changed.map((c) => (
            <li key={`c-${c.id}`} className="diff-item is-changed">
              <span className="diff-kind">Changed</span> {ends(c.before)}
              {c.changes.includes("source") && c.changes.includes("target") ? (
                <> → now {ends(c.after)}</>
              ) : c.changes.includes("target") ? (
                <>
                  {" "}→ now leads to <strong>{c.after.targetName}</strong>
                </>
              ) : c.changes.includes("source") ? (
                <>
                  {" "}→ now comes from <strong>{c.after.sourceName}</strong>
                </>
              ) : null}
              {c.changes.includes("condition") && (
                <div className="diff-aspect-line">
                  Condition: <code>{c.before.condition ?? "none"}</code> → <code>{c.after.condition ?? "none"}</code>
                </div>
              )}
              {c.changes.includes("default") && <div className="diff-aspect-line">{c.after.isDefault ? "Now the default path" : "No longer the default path"}</div>}
              {c.changes.includes("label") && (
                <div className="diff-aspect-line">
                  Label: “{c.before.label ?? ""}” → “{c.after.label ?? ""}”
                </div>
              )}
            </li>
          ))}
        </DiffGroup>
      )}
      {variables.added.length + variables.removed.length > 0 && (
        <DiffGroup title="Variables">
          {variables.added.length > 0 && (
            <li className="diff-item is-added">
              <span className="diff-kind">New</span> {variables.added.join(", ")}
            </li>
          )}
          {variables.removed.length > 0 && (
            <li className="diff-item is-removed">
              <span className="diff-kind">No longer written</span> {variables.removed.join(", ")}
            </li>
          )}
        </DiffGroup>
      )}
    </div>
  );
}

function DiffGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="diff-group" aria-label={title}>
      <h4 className="diff-group-title">{title}</h4>
      <ul className="diff-list">{children}</ul>
    </section>
  );
}

function Aspect({ change }: { change: AspectChange }) {
  return (
    <li className="diff-aspect">
      <span className="diff-aspect-label">{change.label}:</span> {change.before ? <span className="diff-before">{change.before}</span> : null}
      {change.before ? " → " : null}
      <span className="diff-after">{change.after}</span>
    </li>
  );
}

const stepName = (s: StepRef) => <strong>{s.name.trim() || s.id}</strong>;
const ends = (c: ConnectionRef) => (
  <>
    from <strong>{c.sourceName}</strong> to <strong>{c.targetName}</strong>
    {c.condition ? <> when <code>{c.condition}</code></> : c.isDefault ? " (the default path)" : null}
  </>
);
