import type { ColumnField } from "@baton/model";
import type { CompiledField } from "../block-spec.ts";
import { currencyBlock } from "./currency.ts";
import { dateTimeBlock } from "./date-time.ts";
import { dateBlock } from "./date.ts";
import { emailBlock } from "./email.ts";
import { longTextBlock } from "./long-text.ts";
import { numberBlock } from "./number.ts";
import { percentBlock } from "./percent.ts";
import { phoneBlock } from "./phone.ts";
import { selectBlock } from "./select.ts";
import { textBlock } from "./text.ts";
import { urlBlock } from "./url.ts";
import { yesNoBlock } from "./yes-no.ts";

type ColumnType = ColumnField["type"];

/**
 * The blocks a repeating table's columns may be, compiled by the same specs
 * as top-level fields (kept apart from `registry.ts`, which includes the
 * table itself, so the table can use them without a circular import).
 */
const columnBlocks: { [T in ColumnType]: { compile(column: Extract<ColumnField, { type: T }>): CompiledField } } = {
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
  yesNo: yesNoBlock,
};

export function compileColumn(column: ColumnField): CompiledField {
  const spec: { compile(column: ColumnField): CompiledField } | undefined = columnBlocks[column.type];
  if (!spec) throw new Error(`A table column cannot be of type "${String(column.type)}" (column "${column.key}").`);
  return spec.compile(column);
}
