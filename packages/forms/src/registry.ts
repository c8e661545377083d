import type { Field, FieldType } from "@baton/model";
import type { BlockSpec, CompiledField, FieldBlockSpec, SectionBlockSpec } from "./block-spec.ts";
import { dateBlock } from "./blocks/date.ts";
import { emailBlock } from "./blocks/email.ts";
import { longTextBlock } from "./blocks/long-text.ts";
import { numberBlock } from "./blocks/number.ts";
import { phoneBlock } from "./blocks/phone.ts";
import { sectionBlock } from "./blocks/section.ts";
import { selectBlock } from "./blocks/select.ts";
import { textBlock } from "./blocks/text.ts";
import { yesNoBlock } from "./blocks/yes-no.ts";

/** Field block specs by type; the mapped type makes a missing type a compile error. */
export const fieldBlocks: { [T in FieldType]: FieldBlockSpec<Extract<Field, { type: T }>> } = {
  text: textBlock,
  longText: longTextBlock,
  number: numberBlock,
  date: dateBlock,
  select: selectBlock,
  yesNo: yesNoBlock,
  email: emailBlock,
  phone: phoneBlock,
};

/** Every block type by its `type`, in palette order. */
export const blockRegistry: Record<FieldType, FieldBlockSpec> & { section: SectionBlockSpec } = {
  ...fieldBlocks,
  section: sectionBlock,
};

/** The palette of the form designer: every block, in the order above. */
export const paletteBlocks: BlockSpec[] = Object.values(blockRegistry);

/** Compiles one field with the spec of its type. */
export function compileField(field: Field): CompiledField {
  const spec: FieldBlockSpec | undefined = fieldBlocks[field.type];
  if (!spec) throw new Error(`Unknown form field type "${String(field.type)}" (field "${field.key}").`);
  return spec.compile(field);
}
