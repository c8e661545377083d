import type { Connection, ProcessDefinition } from "@baton/model";
import type { Selection } from "../process/selection.ts";
import { stepDisplayName } from "./describe-step.ts";
import { Property, PropertySection } from "./PropertySection.tsx";

type Props = { connection: Connection; definition: ProcessDefinition; onSelect: (selection: Selection) => void };

/** A connection: where it goes and when it is taken. */
export function ConnectionProperties({ connection, definition, onSelect }: Props) {
  const step = (id: string) => definition.steps.find((s) => s.id === id);
  const end = (id: string) => {
    const s = step(id);
    if (!s) return <span className="text-error">Unknown step “{id}”</span>;
    return (
      <button type="button" className="link-button" onClick={() => onSelect({ type: "step", id })}>
        {stepDisplayName(s)}
      </button>
    );
  };
  const fromDecision = step(connection.source)?.kind === "exclusiveGateway";
  return (
    <>
      <div className="prop-heading">
        <div>
          <h2 className="prop-title">{connection.label?.trim() || "Connection"}</h2>
          <div className="prop-subtitle">Connection</div>
        </div>
      </div>
      <PropertySection title="General">
        <dl className="prop-list">
          <Property label="Label">{connection.label?.trim() || <span className="muted">No label</span>}</Property>
          <Property label="From">{end(connection.source)}</Property>
          <Property label="To">{end(connection.target)}</Property>
          <Property label="Id">
            <code>{connection.id}</code>
          </Property>
        </dl>
      </PropertySection>
      <PropertySection title="When it is taken">
        <dl className="prop-list">
          <Property label="Condition">
            {connection.condition?.trim() ? (
              <code className="code-block">{connection.condition}</code>
            ) : (
              <span className="muted">None</span>
            )}
          </Property>
          <Property label="Default">
            {connection.isDefault ? "Yes — taken when no other condition matches" : "No"}
          </Property>
        </dl>
        {!fromDecision && !connection.condition && (
          <p className="prop-text muted">Always taken when the step before it is done.</p>
        )}
      </PropertySection>
    </>
  );
}
