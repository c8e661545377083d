import { descriptionId } from "@rjsf/utils";
import type { FormLayoutDisplay } from "../../form-layout.ts";
import type { AttachmentFile } from "@baton/model";
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
 * an earlier table as a small table, or earlier uploads as files to download. It is not an input, so it is a labelled group, not a form control.
 */
export function DisplayBlock({ id, item, value: raw, options, fileHref }: {
  id: string;
  item: FormLayoutDisplay;
  value: unknown;
  /** Labels of the choice the value came from, when known. */
  options?: Record<string, string>;
  /** Where an earlier upload is downloaded from, when files can be. */
  fileHref?: (file: AttachmentFile) => string | undefined;
}) {
  const label = (v: unknown) => (typeof v === "string" && options && Object.hasOwn(options, v) ? options[v] : v);
  const value = Array.isArray(raw) ? raw.map(label) : label(raw);
  const rows = Array.isArray(value) && value.length > 0 && value.every(isRecord) ? (value as Record<string, unknown>[]) : null;
  return (
    <div className="bf-field bf-display" role="group" aria-labelledby={`${id}__label`} aria-describedby={item.help ? descriptionId(id) : undefined}>
      <div className="bf-label" id={`${id}__label`}>
        {item.label}
      </div>
      {isFileList(raw) ? (
        <FileList files={raw} href={fileHref} />
      ) : rows ? (
        <RowsTable rows={rows} format={item.format} currency={item.currency} />
      ) : (
        <div className="bf-display-value">{formatDisplayValue(value, item.format, item.currency)}</div>
      )}
      {item.help ? (
        <p className="bf-help" id={descriptionId(id)}>
          {item.help}
        </p>
      ) : null}
    </div>
  );
}

function RowsTable({ rows, format, currency }: { rows: Record<string, unknown>[]; format?: string; currency?: string }) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="bf-table-wrap">
      <table className="bf-table bf-table--display">
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                {humanize(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {keys.map((k) => (
                <td key={k} data-label={humanize(k)}>
                  {formatDisplayValue(row[k], typeof row[k] === "number" ? format : undefined, currency)}
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
