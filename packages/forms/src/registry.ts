import type { Field, FieldType, LayoutBlock, LayoutBlockType } from "@baton/model";
import type { BlockSpec, CompiledField, FieldBlockSpec, LayoutBlockSpec } from "./block-spec.ts";
import { attachmentBlock } from "./blocks/attachment.ts";
import { checkboxesBlock } from "./blocks/checkboxes.ts";
import { columnsBlock } from "./blocks/columns.ts";
import { currencyBlock } from "./blocks/currency.ts";
import { dateTimeBlock } from "./blocks/date-time.ts";
import { dateBlock } from "./blocks/date.ts";
import { displayBlock } from "./blocks/display.ts";
import { emailBlock } from "./blocks/email.ts";
import { groupPickerBlock } from "./blocks/group-picker.ts";
import { longTextBlock } from "./blocks/long-text.ts";
import { multiSelectBlock } from "./blocks/multi-select.ts";
import { numberBlock } from "./blocks/number.ts";
import { percentBlock } from "./blocks/percent.ts";
import { phoneBlock } from "./blocks/phone.ts";
import { radioBlock } from "./blocks/radio.ts";
import { sectionBlock } from "./blocks/section.ts";
import { selectBlock } from "./blocks/select.ts";
import { staticTextBlock } from "./blocks/static-text.ts";
import { tableBlock } from "./blocks/table.ts";
import { textBlock } from "./blocks/text.ts";
import { urlBlock } from "./blocks/url.ts";
import { userPickerBlock } from "./blocks/user-picker.ts";
import { yesNoBlock } from "./blocks/yes-no.ts";

/** Field block specs by type; the mapped type makes a missing type a compile error. */
export const fieldBlocks: { [T in FieldType]: FieldBlockSpec<Extract<Field, { type: T }>> } = {
  text: textBlock,
  longText: longTextBlock,
  number: numberBlock,
  currency: currencyBlock,
  percent: percentBlock,
  date: dateBlock,
  dateTime: dateTimeBlock,
  email: emailBlock,
  phone: phoneBlock,
  url: urlBlock,
  select: selectBlock,
  radio: radioBlock,
  multiSelect: multiSelectBlock,
  checkboxes: checkboxesBlock,
  yesNo: yesNoBlock,
  user: userPickerBlock,
  group: groupPickerBlock,
  table: tableBlock,
  attachment: attachmentBlock,
};

/** Layout block specs by type. */
export const layoutBlocks: { [T in LayoutBlockType]: LayoutBlockSpec<Extract<LayoutBlock, { type: T }>> } = {
  section: sectionBlock,
  columns: columnsBlock,
  staticText: staticTextBlock,
  display: displayBlock,
};

/** Every block type by its `type`, in palette order. */
export const blockRegistry: Record<FieldType, FieldBlockSpec> & Record<LayoutBlockType, LayoutBlockSpec> = {
  ...fieldBlocks,
  ...(layoutBlocks as Record<LayoutBlockType, LayoutBlockSpec>),
};

/** The palette of the form designer: every block, in the order above. */
export const paletteBlocks: BlockSpec[] = Object.values(blockRegistry);

/** Compiles one field with the spec of its type. */
export function compileField(field: Field): CompiledField {
  const spec: FieldBlockSpec | undefined = fieldBlocks[field.type];
  if (!spec) throw new Error(`Unknown form field type "${String(field.type)}" (field "${field.key}").`);
  return spec.compile(field);
}
