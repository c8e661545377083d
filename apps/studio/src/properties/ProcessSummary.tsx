import type { ProcessDefinition } from "@baton/model";
import type { Selection } from "../process/selection.ts";
import { stepDisplayName, stepKindLabel } from "./describe-step.ts";
import { Property, PropertySection } from "./PropertySection.tsx";
import { StepKindIcon } from "./StepKindIcon.tsx";

type Props = { definition: ProcessDefinition; onSelect: (selection: Selection) => void };

/** Shown when nothing is selected: the process as a whole, and its steps to jump to. */
export function ProcessSummary({ definition, onSelect }: Props) {
  const tasks = definition.steps.filter((s) => s.kind === "userTask").length;
  return (
    <>
      <div className="prop-heading">
        <div>
          <h2 className="prop-title">{definition.name}</h2>
          <div className="prop-subtitle">Process</div>
        </div>
      </div>
      <PropertySection title="General">
        <dl className="prop-list">
          <Property label="Key">
            <code>{definition.key}</code>
          </Property>
          {definition.description && <Property label="Description">{definition.description}</Property>}
          <Property label="Time zone">{definition.timeZone}</Property>
          <Property label="Size">
            {definition.steps.length} steps ({tasks} user task{tasks === 1 ? "" : "s"}), {definition.connections.length}{" "}
            connections
          </Property>
        </dl>
      </PropertySection>
      <PropertySection title="Steps">
        {definition.steps.length === 0 ? (
          <p className="prop-text muted">This process has no steps yet.</p>
        ) : (
          <ul className="link-list">
            {definition.steps.map((step, i) => (
              <li key={`${step.id}-${i}`}>
                <button type="button" className="link-button step-link" onClick={() => onSelect({ type: "step", id: step.id })}>
                  <StepKindIcon kind={step.kind} />
                  <span>{stepDisplayName(step)}</span>
                  <span className="muted step-link-kind">{stepKindLabel(step.kind)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </PropertySection>
      <p className="prop-hint">Select a step or connection on the canvas to see its details.</p>
    </>
  );
}
