import type { DueRule } from "@baton/model";
import { useState } from "react";
import { useProperties } from "../properties-context.ts";
import { DurationField } from "./DurationField.tsx";
import { FeelField } from "./FeelField.tsx";
import { SelectField } from "./SelectField.tsx";
import { TextField } from "./TextField.tsx";

type Kind = "none" | DueRule["type"];
const kinds = [
  { value: "none", label: "No due date" },
  { value: "endOfDay", label: "End of the day (+ days)" },
  { value: "duration", label: "Within a time span" },
  { value: "expression", label: "By expression" },
] as const;

/** When the task is due, counted from its creation (see DueRule in the model). */
export function DueRuleEditor({ value, onChange }: { value: DueRule | undefined; onChange: (value: DueRule | undefined) => void }) {
  const { readOnly } = useProperties();
  const [pending, setPending] = useState<Kind | null>(null);
  const kind: Kind = pending ?? value?.type ?? "none";
  const choose = (next: Kind) => {
    if (next === "none") onChange(undefined);
    else if (next === "endOfDay") onChange({ type: "endOfDay", days: 0 });
    else if (next === "duration") onChange({ type: "duration", duration: "P1D" });
    else {
      // An expression needs text first: wait for it before changing the draft.
      setPending("expression");
      return;
    }
    setPending(null);
  };
  return (
    <div className="prop-group">
      <SelectField label="Due" value={kind} options={kinds} disabled={readOnly} onChange={choose} />
      {kind === "endOfDay" && value?.type === "endOfDay" && (
        <TextField
          label="Days after creation"
          type="number"
          value={String(value.days)}
          readOnly={readOnly}
          validate={(t) => (/^\d{1,3}$/.test(t.trim()) ? null : "A whole number of days, 0 for the same day.")}
          hint={(t) => (t.trim() === "0" ? "Due by the end of the day the task is created." : null)}
          onCommit={(t) => onChange({ type: "endOfDay", days: Number(t) })}
        />
      )}
      {kind === "duration" && value?.type === "duration" && (
        <DurationField label="Time span (ISO 8601)" verb="Due within" value={value.duration} readOnly={readOnly} onCommit={(duration) => onChange({ type: "duration", duration })} />
      )}
      {kind === "expression" && (
        <FeelField
          label="Due expression"
          value={value?.type === "expression" ? value.expression : ""}
          readOnly={readOnly}
          context="a date, date-time or duration"
          onCommit={(expression) => {
            setPending(null);
            onChange({ type: "expression", expression });
          }}
        />
      )}
    </div>
  );
}
