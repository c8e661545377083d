import { optionId } from "@rjsf/utils";
import type { WidgetProps } from "@rjsf/utils";

/** The chosen values, kept in the order the options list them. */
export function toggled(options: readonly { value: unknown }[], selected: readonly unknown[], value: unknown, on: boolean): unknown[] {
  const next = new Set(selected);
  if (on) next.add(value);
  else next.delete(value);
  return options.map((o) => o.value).filter((v) => next.has(v));
}

/**
 * Several values from a short list, one checkbox each. FieldTemplate wraps
 * them in a fieldset whose legend is the label. Nothing ticked is an empty
 * list, which a required list counts as unanswered.
 */
export function CheckboxesWidget(props: WidgetProps) {
  const { readonly, disabled, autofocus, options } = props;
  const enumOptions = options.enumOptions ?? [];
  if (enumOptions.length === 0) return <p className="bf-help">There is nothing to choose from yet.</p>;
  return (
    <div className="bf-choices">
      {enumOptions.map((o, i) => (
        <CheckboxOption
          key={String(o.value)}
          props={props}
          index={i}
          className="bf-choice"
          disabled={disabled || readonly}
          autoFocus={autofocus && i === 0}
        />
      ))}
    </div>
  );
}

/**
 * One option of a list of choices as a labelled checkbox (`className` and
 * `className--checked` on the label). Shared by the checkboxes and the
 * multi-select, which differ only in what surrounds the list.
 */
export function CheckboxOption({ props, index, className, disabled, autoFocus }: {
  props: WidgetProps;
  index: number;
  className: string;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  const { id, htmlName, value, onChange, onBlur, onFocus } = props;
  const enumOptions = props.options.enumOptions ?? [];
  const option = enumOptions[index]!;
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const checked = selected.includes(option.value);
  return (
    <label className={`${className}${checked ? ` ${className}--checked` : ""}`}>
      <input
        type="checkbox"
        id={optionId(id, index)}
        name={htmlName ?? id}
        checked={checked}
        disabled={disabled}
        autoFocus={autoFocus}
        onChange={(e) => onChange(toggled(enumOptions, selected, option.value, e.target.checked))}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <span>{option.label}</span>
    </label>
  );
}
