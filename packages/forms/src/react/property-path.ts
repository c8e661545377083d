/** Splits an rjsf error `property` (`.order.amount`, `phone`, `.items.0`) into its segments. */
export function propertySegments(property: string | undefined): string[] {
  return (property ?? "").split(".").filter((s) => s !== "");
}
