import { isIsoDuration, type TimerStep } from "@baton/model";
import { describeDuration } from "../describe-step.ts";
import { FeelField } from "../editors/FeelField.tsx";
import { SelectField } from "../editors/SelectField.tsx";
import { TextField } from "../editors/TextField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

/** A wait: for a time span, or until a date computed from the variables. */
export function TimerSection({ step }: { step: TimerStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
  const { timer } = step;
  return (
    <PropertySection title="Waits">
      <SelectField
        label="Waits"
        value={timer.type}
        disabled={readOnly}
        options={[
          { value: "duration", label: "For a time span" },
          { value: "date", label: "Until a date" },
        ]}
        onChange={(type) => type !== timer.type && update({ timer: type === "duration" ? { type, duration: "P1D" } : { type, expression: "now()" } })}
      />
      {timer.type === "duration" ? (
        <TextField
          label="Time span (ISO 8601)"
          mono
          value={timer.duration}
          readOnly={readOnly}
          validate={(t) => (isIsoDuration(t.trim()) ? null : "Use an ISO 8601 duration, e.g. PT4H or P7D.")}
          hint={(t) => `Waits ${describeDuration(t.trim()) ?? t}.`}
          onCommit={(duration) => update({ timer: { type: "duration", duration: duration.trim() } })}
        />
      ) : (
        <FeelField
          label="Until (expression)"
          value={timer.expression}
          readOnly={readOnly}
          context="a date or date-time, e.g. callBackOn"
          onCommit={(expression) => update({ timer: { type: "date", expression } })}
        />
      )}
    </PropertySection>
  );
}
