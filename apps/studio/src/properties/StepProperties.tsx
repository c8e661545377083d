import type { ProcessDefinition, Step } from "@baton/model";
import type { Directory } from "../api/studio-types.ts";
import { connectionDisplayName } from "../problems/group-problems.ts";
import type { Selection } from "../process/selection.ts";
import { describeAssignment, describeDue, describeOutputs, stepDisplayName, stepKindLabel } from "./describe-step.ts";
import { FormFieldList } from "./FormFieldList.tsx";
import { Property, PropertySection } from "./PropertySection.tsx";
import { StepKindIcon } from "./StepKindIcon.tsx";

type Props = {
  step: Step;
  definition: ProcessDefinition;
  directory?: Directory;
  onSelect: (selection: Selection) => void;
};

/** Everything about one step, read-only, in the words of the analyst. */
export function StepProperties({ step, definition, directory, onSelect }: Props) {
  const outgoing = definition.connections.filter((c) => c.source === step.id);
  const incoming = definition.connections.filter((c) => c.target === step.id);
  return (
    <>
      <div className="prop-heading">
        <StepKindIcon kind={step.kind} size={20} />
        <div>
          <h2 className="prop-title">{stepDisplayName(step)}</h2>
          <div className="prop-subtitle">{stepKindLabel(step.kind)}</div>
        </div>
      </div>
      <PropertySection title="General">
        <dl className="prop-list">
          <Property label="Name">{step.name.trim() || <span className="muted">No name</span>}</Property>
          <Property label="Kind">{stepKindLabel(step.kind)}</Property>
          <Property label="Id">
            <code>{step.id}</code>
          </Property>
          {step.description && <Property label="Description">{step.description}</Property>}
        </dl>
      </PropertySection>

      {step.kind === "userTask" && (
        <PropertySection title="Who and when">
          <dl className="prop-list">
            <Property label="Assigned to">
              {step.assignment.type === "expression" ? (
                <>
                  The user named by <code>{step.assignment.expression}</code>
                </>
              ) : (
                describeAssignment(step.assignment, directory).long
              )}
            </Property>
            <Property label="Due">{describeDue(step.due).long}</Property>
          </dl>
        </PropertySection>
      )}

      {step.kind === "start" && (
        <PropertySection title="Who may start">
          <p className="prop-text">
            {step.starters.length === 0
              ? "Every user"
              : step.starters.map((key) => directory?.groups.find((g) => g.key === key)?.name ?? key).join(", ")}
          </p>
        </PropertySection>
      )}

      {(step.kind === "userTask" || step.kind === "start") && (
        <>
          <PropertySection title={step.kind === "start" ? "Start form" : "Form"}>
            <FormFieldList form={step.form} />
          </PropertySection>
          <PropertySection title="Saved to process variables">
            <OutputList outputs={step.outputs} />
          </PropertySection>
        </>
      )}

      <PropertySection title="Connections">
        <ConnectionLinks title="Comes from" ids={incoming.map((c) => c.id)} definition={definition} onSelect={onSelect} />
        <ConnectionLinks title="Goes to" ids={outgoing.map((c) => c.id)} definition={definition} onSelect={onSelect} />
      </PropertySection>
    </>
  );
}

function OutputList({ outputs }: { outputs: Parameters<typeof describeOutputs>[0] }) {
  const { mappings, note } = describeOutputs(outputs);
  if (note) return <p className="prop-text muted">{note}</p>;
  return (
    <ul className="mapping-list">
      {mappings.map((m, i) => (
        <li key={`${m.to}-${i}`}>
          <code>{m.from}</code>
          <span aria-label="into"> → </span>
          <code>{m.to}</code>
        </li>
      ))}
    </ul>
  );
}

function ConnectionLinks(props: {
  title: string;
  ids: string[];
  definition: ProcessDefinition;
  onSelect: (selection: Selection) => void;
}) {
  if (props.ids.length === 0) return null;
  return (
    <div className="link-group">
      <div className="link-group-title">{props.title}</div>
      <ul className="link-list">
        {props.ids.map((id) => (
          <li key={id}>
            <button type="button" className="link-button" onClick={() => props.onSelect({ type: "connection", id })}>
              {connectionDisplayName(props.definition, id)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
