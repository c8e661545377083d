import type { WidgetProps } from "@rjsf/utils";
import { describedBy, hasErrors } from "../described-by.ts";

/** Multi-line text; `ui:options.rows` sets the height (default 4). */
export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, placeholder, options } = props;
  const { onChange, onBlur, onFocus } = props;
  const rows = typeof options.rows === "number" ? options.rows : 4;
  return (
    <textarea
      id={id}
      name={htmlName ?? id}
      className="bf-input bf-textarea"
      rows={rows}
      value={typeof value === "string" ? value : ""}
      required={required}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      placeholder={placeholder || undefined}
      aria-invalid={hasErrors(props) || undefined}
      aria-describedby={describedBy(props)}
      onChange={(e) => onChange(e.target.value === "" ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
