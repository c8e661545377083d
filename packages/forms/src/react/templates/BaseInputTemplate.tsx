import { getInputProps } from "@rjsf/utils";
import type { BaseInputTemplateProps } from "@rjsf/utils";
import type { ChangeEvent } from "react";
import { describedBy, hasErrors } from "../described-by.ts";

/**
 * The single-line input behind the text, e-mail, number, date and tel
 * widgets. An emptied input reports the schema's empty value (undefined), so
 * a cleared required field fails validation instead of sending "".
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, placeholder, type } = props;
  const { onChange, onChangeOverride, onBlur, onFocus, options, schema } = props;
  const inputProps = getInputProps(schema, type, options);
  // An empty read-only date would show the browser's "mm/dd/yyyy" as if it asked for input.
  if (readonly && inputProps.type === "date" && !value) inputProps.type = "text";
  const isNumber = inputProps.type === "number";
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
      aria-describedby={describedBy(props)}
      onChange={onChangeOverride ?? handleChange}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
