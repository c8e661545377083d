import { useEffect, useId, useRef, useState, type ReactNode } from "react";

type Props = {
  label: string;
  value: string;
  /** Called with the new text when the analyst leaves the field or presses Enter. */
  onCommit: (value: string) => void;
  /** Why the text cannot be kept ("A name is required"); null when fine. Checked as they type. */
  validate?: (value: string) => string | null;
  /** Shown under the field while it is valid (a hint, or a live check's "✓"). */
  hint?: ReactNode | ((value: string) => ReactNode);
  multiline?: boolean;
  placeholder?: string;
  readOnly?: boolean;
  mono?: boolean;
  type?: "text" | "number";
  /** A `<datalist>` id whose entries complete the text. */
  list?: string;
};

/**
 * A text property edited in place. Typing changes only the field; the
 * draft changes (one command, one undo step) when the analyst leaves it or
 * presses Enter, and only if the text is valid. Escape puts the saved
 * value back. When the value changes underneath (undo), the field follows.
 */
export function TextField({ label, value, onCommit, validate, hint, multiline, placeholder, readOnly, mono, type = "text", list }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  const error = validate ? validate(text) : null;
  const commit = () => {
    if (!error && text !== value) onCommit(text);
  };
  const common = {
    id,
    className: `input ${multiline ? "textarea" : ""} ${mono ? "is-mono" : ""}`,
    value: text,
    placeholder,
    readOnly,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": `${id}-note`,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      commit();
      if (error) setText(value);
    },
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Escape") {
        setText(value);
        (e.target as HTMLElement).blur();
      }
      if (e.key === "Enter" && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        commit();
      }
    },
  };
  const shownHint = typeof hint === "function" ? hint(text) : hint;
  return (
    <div className="prop-field">
      <label className="prop-field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type={type} list={list} />}
      <div id={`${id}-note`} className={error ? "prop-field-error" : "prop-field-hint"} role={error ? "alert" : undefined}>
        {error ?? shownHint}
      </div>
    </div>
  );
}
