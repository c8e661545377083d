import type { SectionBlockSpec } from "../block-spec.ts";
import { layoutSection } from "../form-layout.ts";

/**
 * A titled group of blocks. Purely visual: its fields stay at the top level
 * of the form data, and the section becomes an entry of `ui:layout`.
 */
export const sectionBlock: SectionBlockSpec = {
  kind: "section",
  type: "section",
  label: "Section",
  create: ({ id }) => ({ id, type: "section", title: "Section", children: [] }),
  compile: layoutSection,
};
