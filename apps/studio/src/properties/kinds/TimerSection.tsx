import type { TimerStep } from "@baton/model";
import { FeelField } from "../editors/FeelField.tsx";
import { SelectField } from "../editors/SelectField.tsx";
import { DurationField } from "../editors/DurationField.tsx";
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
        <DurationField label="Time span (ISO 8601)" verb="Waits" value={timer.duration} readOnly={readOnly} onCommit={(duration) => update({ timer: { type: "duration", duration } })} />
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
