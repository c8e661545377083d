import { useMemo } from "react";
import type { ProcessDefinition, Step } from "@baton/model";
import { connectionDisplayName } from "../problems/group-problems.ts";
import type { Selection } from "../process/selection.ts";
import { connectionRuleFrom } from "../editor/rules.ts";
import { stepDisplayName, stepKindLabel } from "./describe-step.ts";
import { SelectField } from "./editors/SelectField.tsx";
import { TextField } from "./editors/TextField.tsx";
import { canHostBoundary } from "../editor/boundary-factory.ts";
import { ApprovalSection } from "./kinds/ApprovalSection.tsx";
import { BoundaryEventSection } from "./kinds/BoundaryEventSection.tsx";
import { BoundaryEventsSection } from "./kinds/BoundaryEventsSection.tsx";
import { CallActivitySection } from "./kinds/CallActivitySection.tsx";
import { MessageCatchSection } from "./kinds/MessageCatchSection.tsx";
import { NotifySection } from "./kinds/NotifySection.tsx";
import { ServiceCallSection } from "./kinds/ServiceCallSection.tsx";
import { StartSection } from "./kinds/StartSection.tsx";
import { SubProcessSection } from "./kinds/SubProcessSection.tsx";
import { useStepUpdate } from "./kinds/step-update.ts";
import { TimerSection } from "./kinds/TimerSection.tsx";
import { UserTaskSection } from "./kinds/UserTaskSection.tsx";
import { useProperties } from "./properties-context.ts";
import { Property, PropertySection } from "./PropertySection.tsx";
import { StepKindIcon } from "./StepKindIcon.tsx";

type Props = { step: Step; definition: ProcessDefinition; onSelect: (selection: Selection) => void };

/** Everything about one step, editable when the draft is: general, its kind's settings, its connections. */
export function StepProperties({ step, definition, onSelect }: Props) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
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
        <TextField label="Name" value={step.name} readOnly={readOnly} placeholder={step.kind === "exclusiveGateway" ? "e.g. Approved?" : undefined} onCommit={(name) => update({ name: name.trim() })} />
        <TextField label="Description" multiline value={step.description ?? ""} readOnly={readOnly} onCommit={(d) => update({ description: d.trim() || undefined })} />
        <dl className="prop-list">
          <Property label="Id">
            <code>{step.id}</code>
          </Property>
        </dl>
      </PropertySection>
      {step.kind === "start" && <StartSection step={step} />}
      {step.kind === "userTask" && <UserTaskSection step={step} />}
      {step.kind === "approval" && <ApprovalSection step={step} />}
      {step.kind === "timer" && <TimerSection step={step} />}
      {step.kind === "notify" && <NotifySection step={step} />}
      {step.kind === "serviceCall" && <ServiceCallSection step={step} />}
      {step.kind === "callActivity" && <CallActivitySection step={step} />}
      {step.kind === "subProcess" && <SubProcessSection step={step} />}
      {step.kind === "messageCatch" && <MessageCatchSection step={step} />}
      {step.kind === "eventBasedGateway" && <p className="prop-field-hint">Waits for whichever comes first of the message waits and timers it leads to; the others are then called off.</p>}
      {step.kind === "boundaryEvent" && <BoundaryEventSection step={step} definition={definition} onSelect={onSelect} />}
      {canHostBoundary(step) && <BoundaryEventsSection step={step} definition={definition} onSelect={onSelect} />}
      <ConnectionsSection step={step} definition={definition} onSelect={onSelect} />
    </>
  );
}

/** Where the step comes from and goes to, and (the keyboard way to connect) "Connect to…". */
function ConnectionsSection({ step, definition, onSelect }: Props) {
  const { actions, readOnly } = useProperties();
  const incoming = definition.connections.filter((c) => c.target === step.id);
  const outgoing = definition.connections.filter((c) => c.source === step.id);
  const targets = useMemo(() => {
    if (readOnly) return [];
    const rule = connectionRuleFrom(definition, step.id);
    return definition.steps.filter((s) => rule(s.id).ok);
  }, [definition, step.id, readOnly]);
  const links = (title: string, ids: string[]) =>
    ids.length > 0 && (
      <div className="link-group">
        <div className="link-group-title">{title}</div>
        <ul className="link-list">
          {ids.map((id) => (
            <li key={id}>
              <button type="button" className="link-button" onClick={() => onSelect({ type: "connection", id })}>
                {connectionDisplayName(definition, id)}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <PropertySection title="Connections">
      {links("Comes from", incoming.map((c) => c.id))}
      {links("Goes to", outgoing.map((c) => c.id))}
      {!readOnly && step.kind !== "end" && (
        <SelectField
          label="Connect to"
          value=""
          placeholder={targets.length ? "Choose a step…" : "No step can follow here"}
          options={targets.map((s) => ({ value: s.id, label: stepDisplayName(s) }))}
          disabled={targets.length === 0}
          hint={targets.length === 0 ? (outgoing.length > 0 ? "This step already has its way out." : "There is no step it could lead to.") : "The keyboard way to connect."}
          onChange={(target) => actions?.connect(step.id, target)}
        />
      )}
    </PropertySection>
  );
}
