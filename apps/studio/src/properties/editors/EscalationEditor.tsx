import type { Assignment, EscalationLevel } from "@baton/model";
import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { describeAfter } from "../describe-step.ts";
import { useProperties } from "../properties-context.ts";
import { AssignmentEditor } from "./AssignmentEditor.tsx";
import { DurationField } from "./DurationField.tsx";
import { SelectField } from "./SelectField.tsx";
import { TextField } from "./TextField.tsx";

type Props = {
  levels: EscalationLevel[] | undefined;
  /** Escalation counts from the due date: without one, levels cannot be added. */
  hasDue: boolean;
  /** Who an alert or a hand-over goes to until the analyst chooses: the task's own assignee. */
  defaultRecipient: Assignment;
  onChange: (levels: EscalationLevel[] | undefined) => void;
};

const OTHER = "other";
const whens = [
  { value: "PT0S", label: "At the due date" },
  { value: "PT4H", label: "4 hours after the due date" },
  { value: "P1D", label: "1 day after the due date" },
  { value: "P2D", label: "2 days after the due date" },
  { value: "P1W", label: "1 week after the due date" },
  { value: OTHER, label: "Other time…" },
] as const;

const actions = [
  { value: "remind", label: "Remind whoever has the task" },
  { value: "notify", label: "Alert someone" },
  { value: "reassign", label: "Hand the task to someone else" },
] as const;

/**
 * What happens to a task still open past its due date, level by level
 * (scenario 2: a reminder to the responsible person at the due date, then
 * the dispatcher after a day). Every change is one step-update command.
 */
export function EscalationEditor({ levels, hasDue, defaultRecipient, onChange }: Props) {
  const { readOnly } = useProperties();
  const rows = levels ?? [];
  const set = (index: number, next: EscalationLevel) => onChange(rows.map((l, i) => (i === index ? next : l)));
  const remove = (index: number) => {
    const rest = rows.filter((_, i) => i !== index);
    onChange(rest.length ? rest : undefined);
  };
  // An escalation names a group as a queue or as the alert's recipients: the task's own hand-out strategy stays behind.
  const recipient = asRecipient(defaultRecipient);
  const add = () =>
    onChange([...rows, rows.length === 0 ? { after: "PT0S", action: "remind" } : { after: "P1D", action: "notify", to: recipient }]);

  return (
    <div className="prop-group escalation-editor">
      <div className="prop-field-label">Escalation when overdue</div>
      {rows.length === 0 && (
        <p className="prop-field-hint">{hasDue ? "Nothing happens when the task is late." : "Choose a due date first: escalation counts from it."}</p>
      )}
      {rows.map((level, index) => (
        <LevelEditor
          key={index}
          index={index}
          level={level}
          readOnly={readOnly}
          defaultRecipient={recipient}
          onChange={(next) => set(index, next)}
          onRemove={() => remove(index)}
        />
      ))}
      {!readOnly && (
        <span title={hasDue ? undefined : "Choose a due date first: escalation counts from it"}>
          <button type="button" className="btn btn-sm add-button" disabled={!hasDue} onClick={add}>
            <Plus size={14} aria-hidden="true" /> Add escalation level
          </button>
        </span>
      )}
    </div>
  );
}

type LevelProps = {
  index: number;
  level: EscalationLevel;
  readOnly: boolean;
  defaultRecipient: Assignment;
  onChange: (level: EscalationLevel) => void;
  onRemove: () => void;
};

function LevelEditor({ index, level, readOnly, defaultRecipient, onChange, onRemove }: LevelProps) {
  const preset = whens.some((w) => w.value === level.after && w.value !== OTHER);
  const [custom, setCustom] = useState(!preset);
  const when = custom ? OTHER : level.after;
  const n = index + 1;
  return (
    <fieldset className="escalation-level">
      <legend>
        Level {n}
        {!readOnly && (
          <button type="button" className="icon-button" aria-label={`Remove escalation level ${n}`} title="Remove this level" onClick={onRemove}>
            <Trash2 size={14} />
          </button>
        )}
      </legend>
      <SelectField
        label={`When (level ${n})`}
        value={when}
        options={whens}
        disabled={readOnly}
        onChange={(after) => {
          setCustom(after === OTHER);
          if (after !== OTHER) onChange({ ...level, after });
        }}
      />
      {custom && (
        <DurationField label={`Time after the due date (level ${n})`} verb="Escalates" value={level.after} readOnly={readOnly} onCommit={(after) => onChange({ ...level, after })} />
      )}
      <SelectField
        label={`What happens (level ${n})`}
        value={level.action}
        options={actions}
        disabled={readOnly}
        hint={level.action === "remind" ? `${describeAfter(level.after)}, whoever has the task gets a reminder.` : undefined}
        onChange={(action) => onChange(action === "remind" ? { after: level.after, action, ...(level.message ? { message: level.message } : {}) } : { ...level, action, to: level.to ?? defaultRecipient })}
      />
      {level.action !== "remind" && level.to && (
        <AssignmentEditor label={level.action === "notify" ? `Alert (level ${n})` : `Hand to (level ${n})`} value={level.to} onChange={(to) => onChange({ ...level, to })} />
      )}
      {level.action !== "reassign" && (
        <TextField
          label={`Message (level ${n})`}
          value={level.message ?? ""}
          placeholder="e.g. This request is overdue"
          readOnly={readOnly}
          onCommit={(text) => {
            const { message: _old, ...rest } = level;
            onChange(text.trim() ? { ...rest, message: text.trim() } : rest);
          }}
        />
      )}
    </fieldset>
  );
}

function asRecipient(assignment: Assignment): Assignment {
  if (assignment.type !== "group" || !assignment.strategy) return assignment;
  return { type: "group", group: assignment.group };
}
