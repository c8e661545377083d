import { isSecretPath, secretNames } from "@baton/model";

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\s*\}\}/g;

/**
 * `{{name}}` and `{{order.total}}` in an analyst's text, replaced by the
 * variable's value in plain words: a list joined by commas, yes/no for
 * booleans, files by name; an unknown name stays visible as written, so a
 * typo shows instead of vanishing.
 */
export function formatForText(text: string, variables: Readonly<Record<string, unknown>>): string {
  return text.replace(PLACEHOLDER, (whole, path: string) => {
    if (isSecretPath(path)) return whole; // a deployment's secret is never written into a message
    const found = lookup(variables, path);
    return found.ok ? plain(found.value) : whole;
  });
}

/**
 * `{{name}}` in text that goes to another system (a service call's URL and
 * header values): unlike a message to a person, a name with no value must
 * not go out as written or as nothing, so every placeholder needs a
 * variable that is neither missing nor null. Values are written as data
 * (strings as they are, numbers and true/false as JSON, lists and objects
 * as JSON text), then through `encode` (e.g. percent-encoding in a URL).
 * `{{secrets.NAME}}` stays as written for the runtime to fill in just
 * before the call; a value that would itself put such a placeholder into
 * the request is refused (`smuggled`), so what a participant types can
 * never make Baton send a secret it was not told to send.
 */
export function fillForRequest(
  text: string,
  variables: Readonly<Record<string, unknown>>,
  encode: (text: string) => string = (t) => t,
): { ok: true; text: string } | { ok: false; missing: string[]; smuggled: string[] } {
  const missing: string[] = [];
  const smuggled: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, path: string) => {
    if (isSecretPath(path)) return whole;
    const found = lookup(variables, path);
    if (!found.ok || found.value === null || found.value === undefined) {
      missing.push(path);
      return whole;
    }
    const value = encode(typeof found.value === "string" ? found.value : JSON.stringify(found.value));
    if (secretNames(value).length > 0) smuggled.push(path);
    return value;
  });
  return missing.length > 0 || smuggled.length > 0 ? { ok: false, missing, smuggled } : { ok: true, text: filled };
}

function lookup(variables: Readonly<Record<string, unknown>>, path: string): { ok: true; value: unknown } | { ok: false } {
  let value: unknown = variables;
  for (const part of path.split(".")) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return { ok: false };
    value = (value as Record<string, unknown>)[part];
  }
  return { ok: true, value };
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
