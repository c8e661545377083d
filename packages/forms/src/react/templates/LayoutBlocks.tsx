import { descriptionId } from "@rjsf/utils";
import type { FormLayoutDisplay } from "../../form-layout.ts";
import type { AttachmentFile } from "@baton/model";
import type { EarlierField } from "../form-context.ts";
import { isFileList } from "../../attachment-files.ts";
import { formatDisplayValue } from "../display-value.ts";
import { FileList } from "../fields/FileList.tsx";

/** Explanation between the fields; a blank line starts a new paragraph. */
export function StaticText({ text }: { text: string }) {
  return (
    <div className="bf-static-text">
      {text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  );
}

/**
 * A value an earlier step wrote, shown read-only with its label: text (a
 * choice by its option's label), a formatted number or date, the rows of
 * an earlier table as a small table, or earlier uploads as files to
 * download. How to read the value comes from the block (`format`,
 * `currency`) or else from the field that wrote it. It is not an input,
 * so it is a labelled group, not a form control.
 */
export function DisplayBlock({ id, item, value: raw, field, fileHref }: {
  id: string;
  item: FormLayoutDisplay;
  value: unknown;
  /** The field the value came from, when known (option labels, format, columns). */
  field?: EarlierField;
  /** Where an earlier upload is downloaded from, when files can be. */
  fileHref?: (file: AttachmentFile) => string | undefined;
}) {
  const value = withOptionLabels(raw, field?.options);
  const rows = Array.isArray(value) && value.length > 0 && value.every(isRecord) ? (value as Record<string, unknown>[]) : null;
  const format = item.format ?? field?.format;
  const currency = item.currency ?? field?.currency;
  return (
    <div className="bf-field bf-display" role="group" aria-labelledby={`${id}__label`} aria-describedby={item.help ? descriptionId(id) : undefined}>
      <div className="bf-label" id={`${id}__label`}>
        {item.label}
      </div>
      {isFileList(raw) ? (
        <FileList files={raw} href={fileHref} />
      ) : rows ? (
        <RowsTable rows={rows} columns={field?.columns} format={format} currency={currency} />
      ) : (
        <div className="bf-display-value">{formatDisplayValue(value, format, currency)}</div>
      )}
      {item.help ? (
        <p className="bf-help" id={descriptionId(id)}>
          {item.help}
        </p>
      ) : null}
    </div>
  );
}

/** A choice's value (or each of a list's) by its option's label, when known. */
function withOptionLabels(value: unknown, options: Record<string, string> | undefined): unknown {
  if (!options) return value;
  const label = (v: unknown) => (typeof v === "string" && Object.hasOwn(options, v) ? options[v] : v);
  return Array.isArray(value) ? value.map(label) : label(value);
}

type RowsProps = { rows: Record<string, unknown>[]; columns?: EarlierField["columns"]; format?: string; currency?: string };

/** An earlier table's rows: under the table's column labels, each cell as its column reads, when the table is known. */
function RowsTable({ rows, columns: known, format, currency }: RowsProps) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns = [
    ...(known ?? []).filter((c) => keys.includes(c.key)),
    ...keys.filter((k) => !known?.some((c) => c.key === k)).map((key): EarlierField & { key: string } => ({ key, label: humanize(key) })),
  ];
  const cell = (row: Record<string, unknown>, column: EarlierField & { key: string }) => {
    const v = withOptionLabels(row[column.key], column.options);
    if (column.format) return formatDisplayValue(v, column.format, column.currency);
    return formatDisplayValue(v, typeof v === "number" ? format : isInstant(v) ? "dateTime" : undefined, currency);
  };
  return (
    <div className="bf-table-wrap">
      <table className="bf-table bf-table--display">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key} data-label={c.label}>
                  {cell(row, c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `monthlyPayment` → `Monthly payment`: column keys are all a display of rows knows. */
export function humanize(key: string): string {
  const words = key.replace(/_/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An ISO 8601 instant as the engine stores times (a vote's `at`): shown as a date and time, not as code. */
function isInstant(value: unknown): boolean {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
}
