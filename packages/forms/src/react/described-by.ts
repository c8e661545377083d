import { descriptionId, errorId, getUiOptions, helpId } from "@rjsf/utils";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";

type Describable = {
  id: string;
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  rawErrors?: string[];
  hideError?: boolean;
};

/** Whether the field currently shows at least one error. */
export function hasErrors(p: Pick<Describable, "rawErrors" | "hideError">): boolean {
  return !p.hideError && (p.rawErrors ?? []).some((e) => e !== "");
}

/**
 * The `aria-describedby` of a field's control: only the description, help
 * and error elements that FieldTemplate actually renders, so a screen reader
 * reads the error together with the label.
 */
export function describedBy(p: Describable): string | undefined {
  const options = getUiOptions(p.uiSchema);
  const ids: string[] = [];
  if (hasErrors(p)) ids.push(errorId(p.id));
  if (options.description || p.schema.description) ids.push(descriptionId(p.id));
  if (typeof options.help === "string" && options.help !== "") ids.push(helpId(p.id));
  return ids.length > 0 ? ids.join(" ") : undefined;
}
