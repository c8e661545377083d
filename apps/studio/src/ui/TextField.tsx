import type { InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  id: string;
  label: string;
  /** Shown under the input, marking it invalid; replaces `help`. */
  error: string | null;
  help?: string;
};

/** A labelled text input with a line of help or error under it, tied to it for screen readers. */
export function TextField({ id, label, error, help, className, ...input }: Props) {
  const note = error ?? help;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={`input ${className ?? ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? `${id}-note` : undefined}
        {...input}
      />
      {note && (
        <span id={`${id}-note`} className={error ? "field-error" : "field-help"}>
          {note}
        </span>
      )}
    </div>
  );
}
