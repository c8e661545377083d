import { getUiOptions } from "@rjsf/utils";
import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, UiSchema } from "@rjsf/utils";
import { useEffect, useRef } from "react";
import type { TableTotal } from "../../blocks/table.ts";
import { formatDisplayValue } from "../display-value.ts";

type Column = { key: string; title: string; required: boolean };

/** The columns of a table's row schema, in the row's `ui:order`. */
function columnsOf(props: ArrayFieldTemplateProps): Column[] {
  const items = (props.schema.items ?? {}) as { properties?: Record<string, { title?: string }>; required?: string[] };
  const order = getUiOptions(props.uiSchema?.items as UiSchema | undefined).order;
  const keys = Array.isArray(order) ? (order as string[]) : Object.keys(items.properties ?? {});
  return keys
    .filter((key) => items.properties?.[key])
    .map((key) => ({ key, title: items.properties?.[key]?.title ?? key, required: items.required?.includes(key) ?? false }));
}

/** The sum of a column over the rows; rows without a number count as 0. */
export function columnTotal(rows: unknown, column: string): number {
  if (!Array.isArray(rows)) return 0;
  let sum = 0;
  for (const row of rows) {
    const v = typeof row === "object" && row !== null ? (row as Record<string, unknown>)[column] : undefined;
    if (typeof v === "number" && Number.isFinite(v)) sum += v;
  }
  return Math.round(sum * 1e8) / 1e8; // 0.1 + 0.2 shows as 0.3
}

/**
 * A repeating table (`ui:options.table`): column headers, one row per item
 * with a remove button, an "Add row" button, and the total of a number
 * column below. Focus follows the change: into the first cell of a new row,
 * and after a removal to the row that took its place (or "Add row"), so a
 * keyboard user never loses their place. On a phone each row becomes a card
 * with the cell labels shown (see the CSS).
 */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { items, canAdd, onAddClick, readonly, disabled, required, title, fieldPathId, formData, uiSchema } = props;
  const id = fieldPathId.$id;
  const columns = columnsOf(props);
  const total = getUiOptions(uiSchema).total as TableTotal | undefined;
  const count = items.length;
  const previous = useRef(count);
  const table = useRef<HTMLTableElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const removedAt = useRef<number | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = count;
    if (count > before && columns[0]) {
      document.getElementById(`${id}_${count - 1}_${columns[0].key}`)?.focus();
    } else if (count < before && removedAt.current !== null) {
      const buttons = table.current?.querySelectorAll<HTMLButtonElement>("[data-remove-row]") ?? [];
      (buttons[Math.min(removedAt.current, buttons.length - 1)] ?? addButton.current)?.focus();
      removedAt.current = null;
    }
  }, [count, id, columns]);

  const editable = !readonly && !disabled;
  const totalAt = total ? columns.findIndex((c) => c.key === total.column) : -1;
  return (
    <fieldset className="bf-table-field" id={id}>
      <legend className="bf-label">
        {title}
        {required ? <span className="bf-required" aria-hidden="true">{" *"}</span> : null}
      </legend>
      {count === 0 ? <p className="bf-help bf-table-empty">No rows yet.</p> : null}
      <div
        hidden={count === 0}
        className="bf-table-wrap"
        onClickCapture={(e) => {
          const button = (e.target as HTMLElement).closest<HTMLElement>("[data-remove-row]");
          if (button) removedAt.current = Number(button.dataset.removeRow);
        }}
      >
        <table ref={table} className="bf-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.title}
                  {c.required ? <span className="bf-required" aria-hidden="true">{" *"}</span> : null}
                </th>
              ))}
              {editable ? (
                <th scope="col" className="bf-table-actions">
                  <span className="bf-sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>{items}</tbody>
          {total && totalAt >= 0 && count > 0 ? (
            <tfoot>
              <tr>
                {totalAt > 0 ? (
                  <th scope="row" colSpan={totalAt}>
                    {total.label}
                  </th>
                ) : null}
                <td className="bf-table-total" data-label={total.label} aria-live="polite">
                  {totalAt === 0 ? <span className="bf-sr-only">{total.label}: </span> : null}
                  {formatDisplayValue(columnTotal(formData, total.column), total.currency ? "currency" : total.percent ? "percent" : "number", total.currency)}
                </td>
                {columns.slice(totalAt + 1).map((c) => (
                  <td key={c.key} className="bf-table-filler" />
                ))}
                {editable ? <td className="bf-table-filler" /> : null}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {editable && canAdd ? (
        <button ref={addButton} type="button" className="bf-button" onClick={onAddClick}>
          <span aria-hidden="true">+</span> Add row
        </button>
      ) : null}
    </fieldset>
  );
}

/** One row: its cells (rendered by the row's ObjectFieldTemplate) and a remove button. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, index, readonly, disabled } = props;
  const editable = !readonly && !disabled;
  return (
    <tr className="bf-table-row">
      {children}
      {editable ? (
        <td className="bf-table-actions">
          <button
            type="button"
            className="bf-row-remove"
            data-remove-row={index}
            aria-label={`Remove row ${index + 1}`}
            title={`Remove row ${index + 1}`}
            disabled={!buttonsProps.hasRemove}
            onClick={buttonsProps.onRemoveItem}
          >
            <span aria-hidden="true">×</span>
          </button>
        </td>
      ) : null}
    </tr>
  );
}
