import type { CompiledForm } from "@baton/model";
import { type FormLayoutItem, formLayout } from "./form-layout.ts";
import { formRules } from "./rules/form-rules.ts";

export type FormNeeds = {
  /** Rules, options or displays read the instance's variables. */
  variables: boolean;
  /** A user or group picker needs the directory. */
  directory: boolean;
};

const PICKERS = new Set(["userPicker", "groupPicker"]);

/** What a page must load before it renders a compiled form, so it loads nothing more. */
export function formNeeds(compiled: CompiledForm): FormNeeds {
  const hasDisplay = (items: readonly FormLayoutItem[]): boolean =>
    items.some(
      (item) =>
        item.type === "display" ||
        (item.type === "section" && hasDisplay(item.items)) ||
        (item.type === "columns" && item.columns.some(hasDisplay)),
    );
  const directory = Object.values(compiled.uiSchema).some(
    (ui) => typeof ui === "object" && ui !== null && PICKERS.has(String((ui as Record<string, unknown>)["ui:widget"])),
  );
  return { variables: formRules(compiled.schema).length > 0 || hasDisplay(formLayout(compiled.uiSchema) ?? []), directory };
}
