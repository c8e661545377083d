import type { ProcessDefinition } from "@baton/model";
import { UsedBlocksList } from "../blocks/index.ts";
import type { Selection } from "../process/selection.ts";
import { stepDisplayName, stepKindLabel } from "./describe-step.ts";
import { TextField } from "./editors/TextField.tsx";
import { useProperties } from "./properties-context.ts";
import { Property, PropertySection } from "./PropertySection.tsx";
import { StepKindIcon } from "./StepKindIcon.tsx";

type Props = { definition: ProcessDefinition; onSelect: (selection: Selection) => void };

/** A list of a thousand links helps nobody and costs a render: the first ones, then a count. */
const MAX_LISTED = 60;

// The first look-up of a zone loads the browser's time zone data (~50 ms): remember the answers.
const zoneAnswers = new Map<string, string | null>();
const zoneProblem = (zone: string) => {
  const name = zone.trim();
  let answer = zoneAnswers.get(name);
  if (answer === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      answer = null;
    } catch {
      answer = "Unknown time zone; use an IANA name such as Europe/Berlin or UTC.";
    }
    zoneAnswers.set(name, answer);
  }
  return answer;
};

/** Shown when nothing is selected: the process as a whole, and its steps to jump to. */
export function ProcessSummary({ definition, onSelect }: Props) {
  const { actions, readOnly } = useProperties();
  const update = (changes: { name?: string; description?: string | undefined; timeZone?: string }) => actions?.run("process.update", { changes });
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
        <TextField label="Name" value={definition.name} readOnly={readOnly} validate={(t) => (t.trim() ? null : "A process needs a name.")} onCommit={(name) => update({ name: name.trim() })} />
        <TextField label="Description" multiline value={definition.description ?? ""} readOnly={readOnly} onCommit={(d) => update({ description: d.trim() || undefined })} />
        <TextField label="Time zone" value={definition.timeZone} readOnly={readOnly} validate={zoneProblem} hint="For due dates counted in days." onCommit={(timeZone) => update({ timeZone: timeZone.trim() })} />
        <dl className="prop-list">
          <Property label="Key">
            <code>{definition.key}</code>
          </Property>
          <Property label="Size">
            {definition.steps.length} steps ({tasks} user task{tasks === 1 ? "" : "s"}), {definition.connections.length} connections
          </Property>
          {definition.usedBlocks.length > 0 && (
            <Property label="Built with">
              <UsedBlocksList usedBlocks={definition.usedBlocks} />
            </Property>
          )}
        </dl>
      </PropertySection>
      <PropertySection title="Steps">
        {definition.steps.length === 0 ? (
          <p className="prop-text muted">This process has no steps yet.</p>
        ) : (
          <ul className="link-list">
            {definition.steps.slice(0, MAX_LISTED).map((step, i) => (
              <li key={`${step.id}-${i}`}>
                <button type="button" className="link-button step-link" onClick={() => onSelect({ type: "step", id: step.id })}>
                  <StepKindIcon kind={step.kind} />
                  <span>{stepDisplayName(step)}</span>
                  <span className="muted step-link-kind">{stepKindLabel(step.kind)}</span>
                </button>
              </li>
            ))}
            {definition.steps.length > MAX_LISTED && (
              <li className="muted">…and {definition.steps.length - MAX_LISTED} more (find them on the canvas or in the problems list).</li>
            )}
          </ul>
        )}
      </PropertySection>
      <p className="prop-hint">
        {readOnly ? "Select a step or connection on the canvas to see its details." : "Select a step or connection on the canvas to edit it. Shift+click or Shift+drag selects several."}
      </p>
    </>
  );
}
