/**
 * A value for reading, not editing: an earlier answer in a display block,
 * a table's total. Numbers and dates in the browser's language; lists and
 * rows in plain words. Empty is a dash, so "nothing" is visibly nothing.
 */
export function formatDisplayValue(value: unknown, format?: string, currency?: string, locale?: string): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "number") {
    if (format === "currency" && currency) {
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
      } catch {
        return `${new Intl.NumberFormat(locale).format(value)} ${currency}`;
      }
    }
    if (format === "percent") return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value)} %`;
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    if (format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return new Date(`${value}T00:00:00`).toLocaleDateString(locale, { dateStyle: "medium" });
    }
    if (format === "dateTime" && !Number.isNaN(Date.parse(value))) {
      return new Date(value).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
    }
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map((v) => formatDisplayValue(v, format, currency, locale)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatDisplayValue(v, undefined, undefined, locale)}`)
      .join("; ");
  }
  return String(value);
}

/** The value at a variable path (`order.amount`) in the variables, if there is one. */
export function variableAt(variables: Readonly<Record<string, unknown>>, path: string): unknown {
  let here: unknown = variables;
  for (const segment of path.split(".")) {
    if (typeof here !== "object" || here === null || Array.isArray(here) || !Object.hasOwn(here, segment)) return undefined;
    here = (here as Record<string, unknown>)[segment];
  }
  return here;
}
