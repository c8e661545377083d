import { parseTimerCycle, type BoundaryEventStep, type BoundaryTrigger, type ProcessDefinition } from "@baton/model";
import type { Selection } from "../../process/selection.ts";
import { stepDisplayName } from "../describe-step.ts";
import { CheckboxField } from "../editors/CheckboxField.tsx";
import { DurationField } from "../editors/DurationField.tsx";
import { FeelField } from "../editors/FeelField.tsx";
import { SelectField } from "../editors/SelectField.tsx";
import { TextField } from "../editors/TextField.tsx";
import { Property, PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

type Props = { step: BoundaryEventStep; definition: ProcessDefinition; onSelect: (selection: Selection) => void };
type Choice = "duration" | "date" | "cycle" | "error";

const choiceOf = (trigger: BoundaryTrigger): Choice => (trigger.type === "error" ? "error" : trigger.timer.type);

/** What a new choice starts with: a value the analyst then changes (the draft keeps its shape). */
const firstTrigger: Record<Choice, BoundaryTrigger> = {
  duration: { type: "timer", timer: { type: "duration", duration: "P1D" } },
  date: { type: "timer", timer: { type: "date", expression: "now()" } },
  cycle: { type: "timer", timer: { type: "cycle", cycle: "R/P1D" } },
  error: { type: "error" },
};

const VARIABLE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * An event on a step's border: which step, what sets it off (a time span,
 * a date, a repetition, or an error) and whether it stops the step.
 */
export function BoundaryEventSection({ step, definition, onSelect }: Props) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
  const host = definition.steps.find((s) => s.id === step.attachedTo);
  const { trigger } = step;
  const choice = choiceOf(trigger);
  const choose = (next: Choice) => {
    if (next === choice) return;
    // A repetition goes off more than once only while the step goes on; an error always stops it.
    const interrupting = next === "cycle" ? false : next === "error" ? true : step.interrupting;
    update({ trigger: firstTrigger[next], interrupting });
  };
  const setTrigger = (next: BoundaryTrigger) => update({ trigger: next });
  return (
    <PropertySection title="Event">
      <dl className="prop-list">
        <Property label="Sits on">
          {host ? (
            <button type="button" className="link-button" onClick={() => onSelect({ type: "step", id: host.id })}>
              {stepDisplayName(host)}
            </button>
          ) : (
            <span>a step that is not there ({step.attachedTo})</span>
          )}
        </Property>
      </dl>
      <SelectField
        label="Goes off"
        value={choice}
        disabled={readOnly}
        options={[
          { value: "duration", label: "After a time span (deadline)" },
          { value: "date", label: "At a date" },
          { value: "cycle", label: "Repeatedly (reminder)" },
          { value: "error", label: "When an error happens" },
        ]}
        onChange={choose}
      />
      {trigger.type === "timer" && trigger.timer.type === "duration" && (
        <DurationField
          label="Time span (ISO 8601)"
          verb="Goes off when the step has run for"
          value={trigger.timer.duration}
          readOnly={readOnly}
          onCommit={(duration) => setTrigger({ type: "timer", timer: { type: "duration", duration } })}
        />
      )}
      {trigger.type === "timer" && trigger.timer.type === "date" && (
        <FeelField
          label="Date (expression)"
          value={trigger.timer.expression}
          readOnly={readOnly}
          context="a date or date-time from the variables, e.g. deliveryDate"
          onCommit={(expression) => setTrigger({ type: "timer", timer: { type: "date", expression } })}
        />
      )}
      {trigger.type === "timer" && trigger.timer.type === "cycle" && (
        <TextField
          label="Repeats (ISO 8601)"
          value={trigger.timer.cycle}
          readOnly={readOnly}
          mono
          validate={(cycle) => (parseTimerCycle(cycle) ? null : "Write a repetition such as R3/PT1H (every hour, three times) or R/P1D (every day).")}
          hint={(cycle) => describeCycle(cycle)}
          onCommit={(cycle) => setTrigger({ type: "timer", timer: { type: "cycle", cycle: cycle.trim() } })}
        />
      )}
      {trigger.type === "error" && (
        <>
          <TextField
            label="Error code"
            value={trigger.errorCode ?? ""}
            readOnly={readOnly}
            mono
            placeholder="e.g. payment-refused"
            hint="The code a service call's failure or an error end inside the step throws. Leave it empty to catch any error."
            onCommit={(code) => setTrigger({ ...trigger, errorCode: code.trim() || undefined })}
          />
          <TextField
            label="Keep the error in variable"
            value={trigger.errorVariable ?? ""}
            readOnly={readOnly}
            mono
            placeholder="e.g. error"
            validate={(name) => (name.trim() === "" || VARIABLE.test(name.trim()) ? null : "A variable name starts with a letter and has only letters, digits and _.")}
            hint="Optional: receives the error's code and message for the next steps."
            onCommit={(name) => setTrigger({ ...trigger, errorVariable: name.trim() || undefined })}
          />
        </>
      )}
      <CheckboxField
        label={`Interrupts ${host ? stepDisplayName(host) : "the step"}`}
        checked={step.interrupting}
        disabled={readOnly || trigger.type === "error"}
        onChange={(interrupting) => update({ interrupting })}
        note={
          trigger.type === "error"
            ? "An error always ends the step, so the request goes on only this way."
            : step.interrupting
              ? "When it goes off, the step is cancelled (its open task disappears) and the request goes on only this way."
              : "When it goes off, the step stays open and the request also goes on this way, e.g. to send a reminder."
        }
      />
    </PropertySection>
  );
}

function describeCycle(text: string): string {
  const cycle = parseTimerCycle(text);
  if (!cycle) return "";
  return cycle.times === null ? `Every ${cycle.every} while the step lasts.` : `${cycle.times} times, every ${cycle.every}, while the step lasts.`;
}
