import type { ColumnsBlock } from "@baton/model";
import type { LayoutBlockSpec } from "../block-spec.ts";
import { visibleIfOf } from "../form-layout.ts";

/** Blocks side by side, e.g. first and last name; one below the other on a phone. Visual only. */
export const columnsBlock: LayoutBlockSpec<ColumnsBlock> = {
  kind: "layout",
  type: "columns",
  label: "Side by side",
  create: ({ id }) => ({ id, type: "columns", columns: [{ children: [] }, { children: [] }] }),
  compile: (block, columns) => ({ type: "columns", id: block.id, ...visibleIfOf(block), columns }),
};
