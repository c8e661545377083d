import type { WidgetProps } from "@rjsf/utils";
import { describedBy, hasErrors } from "../described-by.ts";

/** `2024-05-01T08:30:00.000Z` → `2024-05-01T10:30` in the browser's time zone (what datetime-local shows). */
export function utcToLocalInput(value: unknown): string {
  if (typeof value !== "string" || value === "") return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** What the participant typed (local time) as an ISO instant in UTC, which the schema's `date-time` wants. */
export function localInputToUtc(local: string): string | undefined {
  if (local === "") return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * A moment, typed in the participant's own time zone and stored in UTC, so
 * a colleague elsewhere sees the same instant in theirs.
 */
export function DateTimeWidget(props: WidgetProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus } = props;
  const { onChange, onBlur, onFocus } = props;
  return (
    <input
      id={id}
      name={htmlName ?? id}
      type={readonly && !value ? "text" : "datetime-local"}
      className="bf-input bf-input--datetime"
      value={utcToLocalInput(value)}
      required={required}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      aria-invalid={hasErrors(props) || undefined}
      aria-describedby={describedBy(props)}
      onChange={(e) => onChange(localInputToUtc(e.target.value))}
      onBlur={(e) => onBlur(id, localInputToUtc(e.target.value))}
      onFocus={(e) => onFocus(id, localInputToUtc(e.target.value))}
    />
  );
}
