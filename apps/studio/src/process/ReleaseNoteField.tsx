type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field; replaced by `error` when there is one. */
  help: string;
  error?: string | null;
  placeholder?: string;
  rows?: number;
};

/** The release note sealed with a version, in both publish dialogs (the designer's and the admin console's). */
export function ReleaseNoteField({ id, value, onChange, help, error = null, placeholder, rows = 6 }: Props) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Release note
      </label>
      <textarea
        id={id}
        className="input textarea release-note-input"
        rows={rows}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
      />
      <span id={`${id}-help`} className={error ? "field-error" : "field-help"}>
        {error ?? help}
      </span>
    </div>
  );
}
