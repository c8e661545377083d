import type { SectionBlock } from "@baton/model";
import type { LayoutBlockSpec } from "../block-spec.ts";
import { visibleIfOf } from "../form-layout.ts";

/**
 * A titled group of blocks. Purely visual: its fields stay at the top level
 * of the form data, and the section becomes an entry of `ui:layout`.
 */
export const sectionBlock: LayoutBlockSpec<SectionBlock> = {
  kind: "layout",
  type: "section",
  label: "Section",
  create: ({ id }) => ({ id, type: "section", title: "Section", children: [] }),
  compile: (section, [items = []]) => ({
    type: "section",
    id: section.id,
    title: section.title,
    ...(section.description ? { description: section.description } : {}),
    ...visibleIfOf(section),
    items,
  }),
};
