import type { Connection, ProcessDefinition } from "@baton/model";
import type { Selection } from "../process/selection.ts";
import { stepDisplayName } from "./describe-step.ts";
import { CheckboxField } from "./editors/CheckboxField.tsx";
import { FeelField } from "./editors/FeelField.tsx";
import { TextField } from "./editors/TextField.tsx";
import { useProperties } from "./properties-context.ts";
import { Property, PropertySection } from "./PropertySection.tsx";

type Props = { connection: Connection; definition: ProcessDefinition; onSelect: (selection: Selection) => void };

/** A connection: its label, where it goes, and (out of a decision) when it is taken. */
export function ConnectionProperties({ connection, definition, onSelect }: Props) {
  const { actions, readOnly } = useProperties();
  const update = (changes: { label?: string | undefined; condition?: string | undefined; isDefault?: boolean | undefined }) =>
    actions?.run("connection.update", { id: connection.id, changes });
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
  const sourceKind = step(connection.source)?.kind;
  const fromDecision = sourceKind === "exclusiveGateway" || sourceKind === "inclusiveGateway";
  const notDecision = "Only a connection leaving a decision or an inclusive gateway is chosen by a condition.";
  return (
    <>
      <div className="prop-heading">
        <div>
          <h2 className="prop-title">{connection.label?.trim() || "Connection"}</h2>
          <div className="prop-subtitle">Connection</div>
        </div>
      </div>
      <PropertySection title="General">
        <TextField
          label="Label"
          value={connection.label ?? ""}
          readOnly={readOnly}
          placeholder={fromDecision ? "e.g. Yes, Approved" : undefined}
          onCommit={(label) => update({ label: label.trim() || undefined })}
        />
        <dl className="prop-list">
          <Property label="From">{end(connection.source)}</Property>
          <Property label="To">{end(connection.target)}</Property>
          <Property label="Id">
            <code>{connection.id}</code>
          </Property>
        </dl>
      </PropertySection>
      <PropertySection title="When it is taken">
        {fromDecision || connection.condition ? (
          <FeelField
            label="Condition"
            optional
            value={connection.condition ?? ""}
            readOnly={readOnly}
            placeholder='e.g. approved = true, amount > 1000, outcome = "yes"'
            context="over the process variables"
            onCommit={(condition) => update({ condition: condition.trim() || undefined })}
          />
        ) : (
          <p className="prop-text muted">Always taken when the step before it is done.</p>
        )}
        {sourceKind === "inclusiveGateway" && !connection.condition && !connection.isDefault && <p className="prop-text muted">Without a condition, always taken with the others that hold.</p>}
        <CheckboxField
          label="Default: taken when no other condition matches"
          checked={connection.isDefault === true}
          disabled={readOnly || (!fromDecision && !connection.isDefault)}
          note={!fromDecision ? notDecision : connection.isDefault && connection.condition ? "A default's condition is ignored." : undefined}
          onChange={(on) => update({ isDefault: on ? true : undefined })}
        />
      </PropertySection>
    </>
  );
}
