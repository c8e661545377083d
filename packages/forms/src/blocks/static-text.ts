import type { StaticTextBlock } from "@baton/model";
import type { LayoutBlockSpec } from "../block-spec.ts";
import { visibleIfOf } from "../form-layout.ts";

/** A paragraph of explanation between the fields; asks nothing. */
export const staticTextBlock: LayoutBlockSpec<StaticTextBlock> = {
  kind: "layout",
  type: "staticText",
  label: "Explanatory text",
  create: ({ id }) => ({ id, type: "staticText", text: "Explain what this form is for." }),
  compile: (block) => ({ type: "staticText", id: block.id, text: block.text, ...visibleIfOf(block) }),
};
