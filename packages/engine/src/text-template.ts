/**
 * `{{name}}` and `{{order.total}}` in an analyst's text, replaced by the
 * variable's value in plain words: a list joined by commas, yes/no for
 * booleans, files by name; an unknown name stays visible as written, so a
 * typo shows instead of vanishing.
 */
export function formatForText(text: string, variables: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\s*\}\}/g, (whole, path: string) => {
    let value: unknown = variables;
    for (const part of path.split(".")) {
      if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return whole;
      value = (value as Record<string, unknown>)[part];
    }
    return plain(value);
  });
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(plain).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    return typeof record.name === "string" ? record.name : JSON.stringify(value);
  }
  return String(value);
}
