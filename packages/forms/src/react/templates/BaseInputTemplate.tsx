import { getInputProps } from "@rjsf/utils";
import type { BaseInputTemplateProps } from "@rjsf/utils";
import type { ChangeEvent } from "react";
import { describedBy, hasErrors } from "../described-by.ts";

/**
 * The single-line input behind the text, e-mail, number, date, tel and url
 * widgets (and inside the currency and percent ones). An emptied input
 * reports the schema's empty value (undefined), so a cleared required field
 * fails validation instead of sending "".
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, placeholder, type } = props;
  const { onChange, onChangeOverride, onBlur, onFocus, options, schema } = props;
  const inputProps = getInputProps(schema, type, options);
  // An empty read-only date would show the browser's "mm/dd/yyyy" as if it asked for input.
  if (readonly && inputProps.type === "date" && !value) inputProps.type = "text";
  const isNumber = inputProps.type === "number";
  // Widgets built on this input (currency, percent) add a unit to what a screen reader hears.
  const extra = typeof options.extraDescribedBy === "string" ? options.extraDescribedBy : undefined;
  const described = [describedBy(props), extra].filter(Boolean).join(" ") || undefined;
  const inputMode = typeof options.inputMode === "string" ? (options.inputMode as "decimal" | "numeric") : undefined;
  const inputValue = isNumber ? (value || value === 0 ? value : "") : (value ?? "");

  const handleChange = (e: ChangeEvent<HTMLInputElement>) =>
    onChange(e.target.value === "" ? options.emptyValue : e.target.value);

  return (
    <input
      id={id}
      name={htmlName ?? id}
      className="bf-input"
      {...inputProps}
      value={inputValue as string | number}
      required={required}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      placeholder={placeholder || undefined}
      aria-invalid={hasErrors(props) || undefined}
      aria-describedby={described}
      inputMode={inputMode}
      onChange={onChangeOverride ?? handleChange}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
