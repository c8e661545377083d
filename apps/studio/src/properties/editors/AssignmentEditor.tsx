import type { Assignment, GroupStrategy } from "@baton/model";
import { useId, useState } from "react";
import { describeAssignment } from "../describe-step.ts";
import { useProperties } from "../properties-context.ts";
import { FeelField } from "./FeelField.tsx";
import { SelectField } from "./SelectField.tsx";

type Props = {
  /** "Assigned to", "Approvers", "Recipients". */
  label: string;
  value: Assignment;
  onChange: (value: Assignment) => void;
  /** Offer how a group's task is handed out (a user task's own assignment only). */
  strategies?: boolean;
};

const strategyOptions: readonly { value: GroupStrategy; label: string }[] = [
  { value: "claim", label: "A member claims it" },
  { value: "roundRobin", label: "Each in turn (round robin)" },
  { value: "leastLoaded", label: "The least busy member" },
];

const types = [
  ["user", "User"],
  ["group", "Group"],
  ["expression", "Expression"],
] as const;

/**
 * Who: a named user, anyone in a group (they claim the task), or a FEEL
 * expression over the variables yielding a user name (e.g. `responsible`,
 * chosen on an earlier form). Users and groups are picked from the real
 * directory. Switching the kind commits only once a value is chosen, so the
 * draft never holds an empty assignment. A user task's group may also hand
 * its task out in turn or to the least busy member; "claim" (the default)
 * is stored as no strategy at all.
 */
export function AssignmentEditor({ label, value, onChange, strategies = false }: Props) {
  const { directory, readOnly } = useProperties();
  // A kind chosen but not yet given a value; the draft keeps the old assignment meanwhile.
  const [pending, setPending] = useState<Assignment["type"] | null>(null);
  const shown = pending ?? value.type;
  const commit = (next: Assignment) => {
    setPending(null);
    onChange(next);
  };
  const groupName = useId();
  const users = (directory?.users ?? []).map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }));
  const groups = (directory?.groups ?? []).map((g) => ({ value: g.key, label: `${g.name} (${g.key})` }));
  // Keep a value that is not (or no longer) in the directory choosable.
  if (value.type === "user" && !users.some((u) => u.value === value.user)) users.unshift({ value: value.user, label: value.user });
  if (value.type === "group" && !groups.some((g) => g.value === value.group)) groups.unshift({ value: value.group, label: value.group });
  return (
    <fieldset className="prop-fieldset">
      <legend className="prop-field-label">{label}</legend>
      <div className="segmented" role="radiogroup" aria-label={`${label}: kind`}>
        {types.map(([t, text]) => (
          <label key={t} className={`segmented-option ${shown === t ? "is-active" : ""}`}>
            <input type="radio" name={groupName} value={t} checked={shown === t} disabled={readOnly} onChange={() => setPending(t === value.type ? null : t)} />
            <span>{text}</span>
          </label>
        ))}
      </div>
      {shown === "user" && (
        <SelectField
          label="User"
          value={value.type === "user" ? value.user : ""}
          options={users}
          placeholder="Choose a user…"
          disabled={readOnly}
          onChange={(user) => commit({ type: "user", user })}
        />
      )}
      {shown === "group" && (
        <SelectField
          label="Group"
          value={value.type === "group" ? value.group : ""}
          options={groups}
          placeholder="Choose a group…"
          disabled={readOnly}
          onChange={(group) => commit(value.type === "group" && value.strategy ? { type: "group", group, strategy: value.strategy } : { type: "group", group })}
        />
      )}
      {strategies && shown === "group" && value.type === "group" && (
        <SelectField
          label="Hand out"
          value={value.strategy ?? "claim"}
          options={strategyOptions}
          disabled={readOnly}
          onChange={(strategy) => commit(strategy === "claim" ? { type: "group", group: value.group } : { type: "group", group: value.group, strategy })}
        />
      )}
      {shown === "expression" && (
        <FeelField
          label="Expression"
          value={value.type === "expression" ? value.expression : ""}
          readOnly={readOnly}
          placeholder="e.g. responsible"
          context="yields a user name; initiator is who started"
          onCommit={(expression) => commit({ type: "expression", expression })}
        />
      )}
      {shown === value.type ? (
        <p className="prop-field-hint">{describeAssignment(value, directory).long}</p>
      ) : (
        <p className="prop-field-hint">Choose one to change who; until then it stays “{describeAssignment(value, directory).short}”.</p>
      )}
    </fieldset>
  );
}
