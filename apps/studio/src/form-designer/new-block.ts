import { blockRegistry, type BlockSpec } from "@baton/forms";
import { formFields, type FormBlock, type FormDefinition } from "@baton/model";

/** Every id used in the form, including a table's columns. */
function idsOf(blocks: FormBlock[], out = new Set<string>()): Set<string> {
  for (const block of blocks) {
    out.add(block.id);
    if (block.type === "section") idsOf(block.children, out);
    else if (block.type === "columns") for (const c of block.columns) idsOf(c.children, out);
    else if (block.type === "table") for (const c of block.columns) out.add(c.id);
  }
  return out;
}

/**
 * A fresh block of `type` for the form: the palette spec's defaults with
 * an id and (for a field) a key no other block of the form has. Keys are
 * `field1`, `field2`…, which the label editor replaces with one made from
 * the label the analyst types.
 */
export function newBlock(form: FormDefinition | undefined, type: keyof typeof blockRegistry): FormBlock {
  const spec: BlockSpec = blockRegistry[type];
  const ids = idsOf(form?.blocks ?? []);
  const keys = new Set(formFields(form).map((f) => f.key));
  if (spec.kind === "layout") {
    let n = 1;
    while (ids.has(`b-${type}${n}`)) n++;
    return spec.create({ id: `b-${type}${n}` });
  }
  let n = 1;
  while (keys.has(`field${n}`) || ids.has(`f-field${n}`) || ids.has(`f-field${n}-item`)) n++;
  return spec.create({ id: `f-field${n}`, key: `field${n}` });
}
