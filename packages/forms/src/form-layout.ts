import type { SectionBlock } from "@baton/model";

/**
 * Sections are purely visual: every field of a form is a top-level property
 * of the form data, whichever section it sits in. That keeps output mappings
 * (`from: "phone"`), variables and server error paths (`/phone`) the same
 * when an analyst moves a field into or out of a section, and matches the
 * model (a section has no key).
 *
 * The grouping travels in the root uiSchema under `ui:layout` (rjsf hands it
 * to templates as `getUiOptions(uiSchema).layout`): the block tree with each
 * field reduced to its key. It is present only when the form has sections;
 * without it, `ui:order` alone gives the order.
 */
export const LAYOUT_UI_KEY = "ui:layout";

export type FormLayoutItem = FormLayoutField | FormLayoutSection;
export type FormLayoutField = { type: "field"; key: string };
export type FormLayoutSection = {
  type: "section";
  id: string;
  title: string;
  description?: string;
  items: FormLayoutItem[];
};

export function layoutSection(section: SectionBlock, items: FormLayoutItem[]): FormLayoutSection {
  return {
    type: "section",
    id: section.id,
    title: section.title,
    ...(section.description ? { description: section.description } : {}),
    items,
  };
}

/** The layout of a compiled form's root uiSchema, if it has sections. */
export function formLayout(uiSchema: Record<string, unknown>): FormLayoutItem[] | undefined {
  const layout = uiSchema[LAYOUT_UI_KEY];
  return Array.isArray(layout) ? (layout as FormLayoutItem[]) : undefined;
}
