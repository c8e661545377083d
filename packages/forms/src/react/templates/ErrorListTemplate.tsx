import type { ErrorListProps } from "@rjsf/utils";
import { fieldIdForPath } from "../error-schema.ts";
import { propertySegments } from "../property-path.ts";

/**
 * The summary above the form after a failed submit: how many things need
 * fixing, each a button that moves focus to its field.
 */
export function ErrorListTemplate({ errors }: ErrorListProps) {
  const items = errors.map((e) => {
    const segments = propertySegments(e.property);
    return {
      id: segments.length > 0 ? fieldIdForPath(segments) : null,
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
            {/* The messages name their field ("Phone is required."), so the message is the link to it. */}
            {item.id ? (
              <button type="button" className="bf-summary-link" onClick={() => focusField(item.id!)}>
                {item.message}
              </button>
            ) : (
              item.message
            )}
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
