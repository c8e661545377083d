import { isIsoInstant, parseStartCycle, type StartStep, type StartTrigger } from "@baton/model";
import { SelectField } from "../editors/SelectField.tsx";
import { TextField } from "../editors/TextField.tsx";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";
import { useStepUpdate } from "./step-update.ts";

type Choice = "none" | "message" | "cycle" | "date";

const choiceOf = (trigger: StartTrigger | undefined): Choice => (!trigger ? "none" : trigger.type === "message" ? "message" : trigger.timer.type);

/** What a new choice starts with: text the analyst then changes (the draft must keep its shape). */
const firstTrigger: Record<Exclude<Choice, "none">, StartTrigger> = {
  message: { type: "message", message: "" },
  cycle: { type: "timer", timer: { type: "cycle", cycle: "R/P1D" } },
  date: { type: "timer", timer: { type: "date", date: "" } },
};

/** Besides people and the API: a message or a timer (the recurring process) that starts it too. */
export function StartTriggerSection({ step }: { step: StartStep }) {
  const update = useStepUpdate(step.id);
  const { readOnly } = useProperties();
  const { trigger } = step;
  const choice = choiceOf(trigger);
  return (
    <PropertySection title="Also starts">
      <SelectField
        label="Also starts"
        value={choice}
        disabled={readOnly}
        options={[
          { value: "none", label: "Only when someone starts it" },
          { value: "message", label: "When a message arrives" },
          { value: "cycle", label: "On a timer, repeatedly" },
          { value: "date", label: "On a timer, once" },
        ]}
        onChange={(next) => next !== choice && update({ trigger: next === "none" ? undefined : firstTrigger[next as Exclude<Choice, "none">] })}
      />
      {trigger?.type === "message" && (
        <TextField
          label="Start message name"
          value={trigger.message}
          readOnly={readOnly}
          mono
          placeholder="e.g. lead-received"
          validate={(name) => (name.trim() ? null : "Name the message that starts the process.")}
          hint="A message of this name that no request waits for starts a new one, with the message's data."
          onCommit={(message) => update({ trigger: { type: "message", message: message.trim() } })}
        />
      )}
      {trigger?.type === "timer" && trigger.timer.type === "cycle" && (
        <TextField
          label="Timer start cycle"
          value={trigger.timer.cycle}
          readOnly={readOnly}
          mono
          validate={(cycle) => (parseStartCycle(cycle) ? null : "Write a repetition such as R/PT1H (every hour), R/P1D (every day) or R/2025-01-06T08:00:00Z/P7D (weekly from then).")}
          hint={(cycle) => describeCycle(cycle)}
          onCommit={(cycle) => update({ trigger: { type: "timer", timer: { type: "cycle", cycle: cycle.trim() } } })}
        />
      )}
      {trigger?.type === "timer" && trigger.timer.type === "date" && (
        <TextField
          label="Timer start date"
          value={trigger.timer.date}
          readOnly={readOnly}
          mono
          placeholder="2025-01-06T08:00:00Z"
          validate={(date) => (isIsoInstant(date) ? null : "Write a date and time with its zone, e.g. 2025-01-06T08:00:00Z or 2025-01-06T09:00:00+01:00.")}
          hint="Starts once then; a date already past when the version is published starts nothing."
          onCommit={(date) => update({ trigger: { type: "timer", timer: { type: "date", date: date.trim() } } })}
        />
      )}
    </PropertySection>
  );
}

function describeCycle(text: string): string {
  const cycle = parseStartCycle(text);
  if (!cycle) return "";
  const times = cycle.times === null ? "Without end" : `${cycle.times} time${cycle.times === 1 ? "" : "s"}`;
  const from = cycle.first ? `from ${cycle.first}` : "the first one period after publishing";
  return `${times}, every ${cycle.every}, ${from}.`;
}
