/**
 * Layout blocks are purely visual: every field of a form is a top-level
 * property of the form data, whichever section or column it sits in. That
 * keeps output mappings (`from: "phone"`), variables and server error paths
 * (`/phone`) the same when an analyst moves a field into or out of a
 * section, and matches the model (a layout block has no key).
 *
 * The arrangement travels in the root uiSchema under `ui:layout` (rjsf hands
 * it to templates as `getUiOptions(uiSchema).layout`): the block tree with
 * each field reduced to its key, and the blocks that show rather than ask
 * (static text, a display of an earlier value) in place. It is present only
 * when the form has layout blocks; without it, `ui:order` alone gives the
 * order. A layout block's own visible-if rides along for the browser; the
 * fields inside carry it in their rules too, which is what the server reads.
 */
export const LAYOUT_UI_KEY = "ui:layout";

export type FormLayoutItem = FormLayoutField | FormLayoutSection | FormLayoutColumns | FormLayoutText | FormLayoutDisplay;
export type FormLayoutField = { type: "field"; key: string };
export type FormLayoutSection = {
  type: "section";
  id: string;
  title: string;
  description?: string;
  visibleIf?: string;
  items: FormLayoutItem[];
};
export type FormLayoutColumns = { type: "columns"; id: string; visibleIf?: string; columns: FormLayoutItem[][] };
export type FormLayoutText = { type: "staticText"; id: string; text: string; visibleIf?: string };
export type FormLayoutDisplay = {
  type: "display";
  id: string;
  label: string;
  variable: string;
  format?: string;
  currency?: string;
  help?: string;
  visibleIf?: string;
};

/** The layout of a compiled form's root uiSchema, if it has layout blocks. */
export function formLayout(uiSchema: Record<string, unknown>): FormLayoutItem[] | undefined {
  const layout = uiSchema[LAYOUT_UI_KEY];
  return Array.isArray(layout) ? (layout as FormLayoutItem[]) : undefined;
}

/** `{ visibleIf }` when the block has one, for spreading into a layout item. */
export function visibleIfOf(block: { visibleIf?: string }): { visibleIf?: string } {
  return block.visibleIf !== undefined ? { visibleIf: block.visibleIf } : {};
}
