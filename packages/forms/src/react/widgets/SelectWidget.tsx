import {
  enumOptionSelectedValue,
  enumOptionValueDecoder,
  enumOptionValueEncoder,
  getOptionValueFormat,
} from "@rjsf/utils";
import type { WidgetProps } from "@rjsf/utils";
import { describedBy, hasErrors } from "../described-by.ts";

/**
 * A native select (the best choice on phones). Read-only shows the chosen
 * label in a read-only input, which stays legible and focusable where a
 * disabled select would grey out.
 */
export function SelectWidget(props: WidgetProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, placeholder, options } = props;
  const { onChange, onBlur, onFocus } = props;
  const enumOptions = options.enumOptions ?? [];
  const format = getOptionValueFormat(options);
  const decode = (v: string) => enumOptionValueDecoder(v, enumOptions, format, options.emptyValue);
  const common = {
    id,
    name: htmlName ?? id,
    "aria-invalid": hasErrors(props) || undefined,
    "aria-describedby": describedBy(props),
  };

  if (readonly) {
    const chosen = enumOptions.find((o) => o.value === value);
    return <input {...common} className="bf-input" readOnly value={chosen?.label ?? ""} />;
  }
  return (
    <select
      {...common}
      className="bf-input bf-select"
      value={enumOptionSelectedValue(value, enumOptions, false, format, "") as string}
      required={required}
      disabled={disabled}
      autoFocus={autofocus}
      onChange={(e) => onChange(decode(e.target.value))}
      onBlur={(e) => onBlur(id, decode(e.target.value))}
      onFocus={(e) => onFocus(id, decode(e.target.value))}
    >
      <option value="">{placeholder || "Choose…"}</option>
      {enumOptions.map((o, i) => (
        <option key={String(o.value)} value={enumOptionValueEncoder(o.value, i, format)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
