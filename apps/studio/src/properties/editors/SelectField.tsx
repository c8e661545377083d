import { useId } from "react";

type Props<T extends string> = {
  label: string;
  value: T | "";
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  /** Shown first when nothing is chosen yet ("Choose a user…"). */
  placeholder?: string;
  disabled?: boolean;
  hint?: string | undefined;
};

/** A property chosen from a list; choosing is one command. */
export function SelectField<T extends string>({ label, value, options, onChange, placeholder, disabled, hint }: Props<T>) {
  const id = useId();
  return (
    <div className="prop-field">
      <label className="prop-field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} disabled={disabled} onChange={(e) => e.target.value && onChange(e.target.value as T)}>
        {(value === "" || placeholder) && (
          <option value="" disabled>
            {placeholder ?? "Choose…"}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <div className="prop-field-hint">{hint}</div>}
    </div>
  );
}
