import { useId, type ReactNode } from "react";

type Props = {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Why it cannot be changed, or what it means. */
  note?: string | undefined;
};

/** A yes/no property; each change is one command. */
export function CheckboxField({ label, checked, onChange, disabled, note }: Props) {
  const id = useId();
  return (
    <div className="prop-check">
      <label htmlFor={id} title={disabled ? note : undefined}>
        <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      {note && <div className="prop-field-hint">{note}</div>}
    </div>
  );
}
