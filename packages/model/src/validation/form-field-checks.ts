import type { Field } from "../form-definition.ts";
import type { CheckContext } from "./context.ts";
import type { BlockPlace } from "./form-rule-checks.ts";
import { lowerFirst } from "./describe.ts";

/**
 * The rules of one field that make sense on their own: options to choose
 * from, bounds that leave some value valid, a pattern that compiles (as ajv
 * compiles it: JavaScript, unicode), a currency that exists, and a table
 * with columns whose total adds up numbers.
 */
export function checkField(ctx: CheckContext, field: Field, name: string, at: BlockPlace): void {
  if (field.type === "select" || field.type === "radio" || field.type === "multiSelect" || field.type === "checkboxes") {
    checkOptions(ctx, field.options, field.optionsFrom !== undefined, name, at);
  }
  checkRange(ctx, field, name, at);
  if (field.type === "text" && field.pattern !== undefined) checkPattern(ctx, field.pattern, name, at);
  if (field.type === "currency") checkCurrency(ctx, field.currency, name, { ...at, path: [...at.path, "currency"] });
  if (field.type === "table") checkTable(ctx, field, name, at);
}

function checkOptions(ctx: CheckContext, options: { value: string }[], fromVariable: boolean, name: string, at: BlockPlace): void {
  if (options.length === 0 && !fromVariable) {
    ctx.report({
      ...at,
      code: "form.select-no-options",
      severity: "error",
      message: `${name} has no options to choose from. Add at least one option, or take them from a variable.`,
      path: [...at.path, "options"],
    });
  }
  const values = new Set<string>();
  options.forEach((option, i) => {
    if (values.has(option.value)) {
      ctx.report({
        ...at,
        code: "form.duplicate-option",
        severity: "error",
        message: `${name} has the option value "${option.value}" more than once; each option needs its own value.`,
        path: [...at.path, "options", i, "value"],
      });
    }
    values.add(option.value);
  });
}

type Range = { low: number | undefined; high: number | undefined; words: string; bound: string };

function rangeOf(field: Field): Range | undefined {
  switch (field.type) {
    case "text":
    case "longText":
      return { low: field.minLength, high: field.maxLength, words: "minimum length", bound: "maxLength" };
    case "number":
    case "currency":
    case "percent":
      return { low: field.minimum, high: field.maximum, words: "minimum", bound: "maximum" };
    case "table":
      return { low: field.minRows, high: field.maxRows, words: "minimum number of rows", bound: "maxRows" };
    default:
      return undefined;
  }
}

function checkRange(ctx: CheckContext, field: Field, name: string, at: BlockPlace): void {
  const range = rangeOf(field);
  if (!range || range.low === undefined || range.high === undefined || range.low <= range.high) return;
  ctx.report({
    ...at,
    code: "form.min-above-max",
    severity: "error",
    message: `${name} has a ${range.words} (${range.low}) above its ${range.words.replace("minimum", "maximum")} (${range.high}), so no value can be valid.`,
    path: [...at.path, range.bound],
  });
}

function checkPattern(ctx: CheckContext, pattern: string, name: string, at: BlockPlace): void {
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : String(error);
    ctx.report({
      ...at,
      code: "form.invalid-pattern",
      severity: "error",
      message: `${name} has a pattern that is not a valid regular expression (${reason}).`,
      path: [...at.path, "pattern"],
    });
  }
}

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** Also used for a display block's currency. */
export function checkCurrency(ctx: CheckContext, code: string, name: string, at: BlockPlace): void {
  if (currencies.has(code)) return;
  ctx.report({
    ...at,
    code: "form.unknown-currency",
    severity: "error",
    message: `${name} is in the currency "${code}", which is not an ISO 4217 currency; use a code such as EUR, USD or CHF.`,
  });
}

function checkTable(ctx: CheckContext, table: Extract<Field, { type: "table" }>, name: string, at: BlockPlace): void {
  if (table.columns.length === 0) {
    ctx.report({
      ...at,
      code: "form.table-no-columns",
      severity: "error",
      message: `${name} has no columns, so its rows could hold nothing. Add at least one column.`,
      path: [...at.path, "columns"],
    });
  }
  const keys = new Map<string, string>();
  table.columns.forEach((column, i) => {
    const columnAt = { ...at, fieldId: column.id, path: [...at.path, "columns", i] };
    const columnName = `Column "${column.label}" of ${lowerFirst(name)}`;
    const other = keys.get(column.key);
    if (other !== undefined) {
      ctx.report({
        ...columnAt,
        code: "form.duplicate-key",
        severity: "error",
        message: `${columnName} has the key "${column.key}", which column "${other}" already uses. Each column needs its own key.`,
        path: [...columnAt.path, "key"],
      });
    } else {
      keys.set(column.key, column.label);
    }
    checkField(ctx, column, columnName, columnAt);
  });
  if (table.totalOf === undefined) return;
  const totalled = table.columns.find((c) => c.key === table.totalOf);
  if (totalled && (totalled.type === "number" || totalled.type === "currency" || totalled.type === "percent")) return;
  ctx.report({
    ...at,
    code: "form.table-bad-total",
    severity: "error",
    message: totalled
      ? `${name} shows a total of column "${totalled.label}", which holds ${totalled.type} values; only number, currency and percent columns add up.`
      : `${name} shows a total of the column "${table.totalOf}", but it has no column with that key.`,
    path: [...at.path, "totalOf"],
  });
}
