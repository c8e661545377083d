import type { ErrorListProps } from "@rjsf/utils";
import { fieldIdForPath } from "../error-schema.ts";
import { fieldLabel, propertySegments } from "../field-label.ts";

/**
 * The summary above the form after a failed submit: how many things need
 * fixing, each naming its field with a button that moves focus there.
 */
export function ErrorListTemplate({ errors, registry, uiSchema }: ErrorListProps) {
  const items = errors.map((e) => {
    const segments = propertySegments(e.property);
    return {
      id: fieldIdForPath(segments),
      label: segments.length > 0 ? fieldLabel(registry.rootSchema, uiSchema, segments) : "",
      message: e.message ?? e.stack,
    };
  });
  const count = items.length;
  return (
    <div className="bf-summary" role="alert" tabIndex={-1} data-error-summary="">
      <p className="bf-summary-title">
        {count === 1 ? "Please fix 1 problem before continuing:" : `Please fix ${count} problems before continuing:`}
      </p>
      <ul className="bf-summary-list">
        {items.map((item, i) => (
          <li key={i}>
            {item.label ? (
              <>
                <button type="button" className="bf-summary-link" onClick={() => focusField(item.id)}>
                  {item.label}
                </button>
                {": "}
              </>
            ) : null}
            {item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Focuses a field's control; radio options have ids `<field id>-<n>`. Field ids are word characters only. */
function focusField(id: string): void {
  const el =
    document.getElementById(id) ??
    document.querySelector<HTMLElement>(`[id^="${id}-"]`);
  if (el instanceof HTMLElement) {
    el.focus();
    el.scrollIntoView?.({ block: "center", behavior: "smooth" });
  }
}
