import type { DisplayBlock } from "@baton/model";
import type { LayoutBlockSpec } from "../block-spec.ts";
import { visibleIfOf } from "../form-layout.ts";

/**
 * Shows a value an earlier step wrote (the amount applied for, the existing
 * loans) read-only, from the instance variables the page passes in
 * `formContext`. It writes nothing, so it is a layout entry, not a property.
 */
export const displayBlock: LayoutBlockSpec<DisplayBlock> = {
  kind: "layout",
  type: "display",
  label: "Earlier value (read-only)",
  create: ({ id }) => ({ id, type: "display", label: "Earlier value", variable: "value" }),
  compile: (block) => ({
    type: "display",
    id: block.id,
    label: block.label,
    variable: block.variable,
    ...(block.format ? { format: block.format } : {}),
    ...(block.currency ? { currency: block.currency } : {}),
    ...(block.help ? { help: block.help } : {}),
    ...visibleIfOf(block),
  }),
};
