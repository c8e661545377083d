import type { CompiledForm } from "@baton/model";

/**
 * The top-level keys of a compiled form whose uiSchema entry has `option`
 * set to `value` (`ui:widget: "userPicker"`, `ui:field: "attachment"`):
 * how the server finds the fields it checks beyond the JSON Schema.
 */
export function formKeysWith(form: CompiledForm | undefined, option: "ui:widget" | "ui:field", value: string): string[] {
  if (!form) return [];
  return Object.entries(form.uiSchema)
    .filter(([, ui]) => typeof ui === "object" && ui !== null && (ui as Record<string, unknown>)[option] === value)
    .map(([key]) => key);
}
