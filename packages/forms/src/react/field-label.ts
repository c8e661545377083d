/**
 * The label a participant sees for the field at `segments` of the form data:
 * the uiSchema's `ui:title`, else the JSON Schema `title`, else the key.
 * Used by the error summary, which names fields the way the form does.
 */
export function fieldLabel(
  schema: object,
  uiSchema: object | undefined,
  segments: readonly string[],
): string {
  let s: unknown = schema;
  let ui: unknown = uiSchema;
  for (const segment of segments) {
    s = childSchema(s, segment);
    ui = isRecord(ui) ? ui[segment] : undefined;
  }
  const uiTitle = isRecord(ui) ? ui["ui:title"] : undefined;
  if (typeof uiTitle === "string" && uiTitle !== "") return uiTitle;
  const title = isRecord(s) ? s.title : undefined;
  if (typeof title === "string" && title !== "") return title;
  return segments[segments.length - 1] ?? "";
}

/** Splits an rjsf error `property` (`.order.amount`, `phone`, `.items.0`) into segments. */
export function propertySegments(property: string | undefined): string[] {
  return (property ?? "").split(".").filter((s) => s !== "");
}

function childSchema(schema: unknown, segment: string): unknown {
  if (!isRecord(schema)) return undefined;
  const props = schema.properties;
  if (isRecord(props) && segment in props) return props[segment];
  if (/^\d+$/.test(segment)) return schema.items;
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
