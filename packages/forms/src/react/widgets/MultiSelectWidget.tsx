import type { WidgetProps } from "@rjsf/utils";
import { useId, useState } from "react";
import { CheckboxOption, toggled } from "./CheckboxesWidget.tsx";

/** Lists longer than this get a filter box. */
const FILTER_FROM = 7;

/**
 * Several values from a longer list: the choices made so far as chips
 * (each with a remove button), and the options as checkboxes, filtered by
 * what is typed in the search box. Real checkboxes keep it usable with the
 * keyboard and a screen reader without a custom listbox.
 */
export function MultiSelectWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, autofocus, options, label, onChange } = props;
  const [filter, setFilter] = useState("");
  const listId = useId();
  const enumOptions = options.enumOptions ?? [];
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const chosen = enumOptions.filter((o) => selected.includes(o.value));
  const needle = filter.trim().toLowerCase();
  const shown = needle === "" ? enumOptions : enumOptions.filter((o) => o.label.toLowerCase().includes(needle));
  const locked = disabled || readonly;

  return (
    <div className="bf-multi">
      {chosen.length > 0 ? (
        <ul className="bf-chips" aria-label={`Chosen ${label}`}>
          {chosen.map((o) => (
            <li key={String(o.value)} className="bf-chip">
              {o.label}
              {locked ? null : (
                <button
                  type="button"
                  className="bf-chip-remove"
                  aria-label={`Remove ${o.label}`}
                  onClick={() => onChange(toggled(enumOptions, selected, o.value, false))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {locked ? (
        chosen.length === 0 ? <p className="bf-help">Nothing chosen.</p> : null
      ) : (
        <>
          {enumOptions.length >= FILTER_FROM ? (
            <input
              type="search"
              id={id}
              className="bf-input bf-multi-filter"
              placeholder="Type to filter…"
              aria-label={`Filter ${label}`}
              aria-controls={listId}
              value={filter}
              autoFocus={autofocus}
              onChange={(e) => setFilter(e.target.value)}
            />
          ) : null}
          <div id={listId} className="bf-multi-list">
            {shown.length === 0 ? <p className="bf-help">{enumOptions.length === 0 ? "There is nothing to choose from yet." : "No option matches."}</p> : null}
            {shown.map((o) => (
              <CheckboxOption key={String(o.value)} props={props} index={enumOptions.indexOf(o)} className="bf-multi-option" />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
