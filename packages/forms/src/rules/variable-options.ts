import type { SelectOption } from "@baton/model";

/**
 * The options a choice takes from a variable (`products`, `order.lines`):
 * a list of strings, numbers or `{ value, label }` objects. Anything else in
 * the list is skipped, a value listed twice counts once, and a variable that
 * is missing or not a list gives no options (so no value is accepted).
 */
export function variableOptions(variables: Readonly<Record<string, unknown>>, path: string): SelectOption[] {
  let here: unknown = variables;
  for (const segment of path.split(".")) {
    if (typeof here !== "object" || here === null || Array.isArray(here) || !Object.hasOwn(here, segment)) return [];
    here = (here as Record<string, unknown>)[segment];
  }
  if (!Array.isArray(here)) return [];
  const out: SelectOption[] = [];
  const seen = new Set<string>();
  for (const item of here) {
    const option = toOption(item);
    if (!option || seen.has(option.value)) continue;
    seen.add(option.value);
    out.push(option);
  }
  return out;
}

function toOption(item: unknown): SelectOption | undefined {
  if (typeof item === "string") return item === "" ? undefined : { value: item, label: item };
  if (typeof item === "number" && Number.isFinite(item)) return { value: String(item), label: String(item) };
  if (typeof item !== "object" || item === null) return undefined;
  const { value, label } = item as { value?: unknown; label?: unknown };
  const text = typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : "";
  if (text === "") return undefined;
  return { value: text, label: typeof label === "string" && label.trim() !== "" ? label : text };
}
