import { enumOptionsIsSelected, optionId } from "@rjsf/utils";
import type { WidgetProps } from "@rjsf/utils";

/**
 * Radio buttons for a short list of options, and (through YesNoWidget) for
 * booleans. FieldTemplate wraps them in a fieldset whose legend is the label
 * and which carries the aria-describedby, so the options need no group role.
 */
export function RadioWidget(props: WidgetProps) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, options } = props;
  const { onChange, onBlur, onFocus } = props;
  const enumOptions = options.enumOptions ?? [];
  const inline = options.inline === true || enumOptions.length <= 2;
  return (
    <div className={`bf-choices${inline ? " bf-choices--inline" : ""}`}>
      {enumOptions.map((o, i) => {
        const checked = enumOptionsIsSelected(o.value, value);
        return (
          <label key={String(o.value)} className={`bf-choice${checked ? " bf-choice--checked" : ""}`}>
            <input
              type="radio"
              id={optionId(id, i)}
              name={htmlName ?? id}
              checked={checked}
              value={String(i)}
              required={required}
              disabled={disabled || readonly}
              autoFocus={autofocus && i === 0}
              onChange={() => onChange(o.value)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <span>{o.label}</span>
          </label>
        );
      })}
    </div>
  );
}
