import {
  FeelDate,
  FeelDateTime,
  FeelDuration,
  FeelTime,
  SyntaxError as FeelSyntaxError,
  parseDate,
  dateAndTime,
  evaluate,
  isFunction,
  isRange,
  toFeel,
} from "feelin";
import { localParts } from "./time/calendar.ts";

/**
 * FEEL (via feelin) for conditions, assignments, due dates and output
 * mappings. Two things feelin does not do for us:
 *
 * - `now()` and `today()` read the system clock in feelin; here they read the
 *   clock passed in (the event's time in the definition's time zone), so an
 *   expression gives the same answer when a step is replayed.
 * - feelin turns most runtime problems (unknown variable, wrong type) into a
 *   `null` value with warnings and throws only when the text does not parse;
 *   we return both cases as data, because a broken expression in a process is
 *   the analyst's mistake, not a crash.
 */
export type FeelClock = {
  /** ISO 8601 instant. */
  now: string;
  /** IANA time zone in which `now()` and `today()` are read. */
  timeZone: string;
};

export type FeelOutcome =
  | { ok: true; value: unknown; warnings: string[] }
  | { ok: false; error: string };

/**
 * Evaluates `expression` over `variables`. The names `now` and `today` are
 * the clock functions even if a variable has the same name.
 */
export function evaluateFeel(expression: string, variables: Record<string, unknown>, clock: FeelClock): FeelOutcome {
  // Most expressions in a process are one variable's name (an output mapping, an assignee):
  // answered as feelin would, without parsing it.
  if (isPlainName(expression) && Object.hasOwn(variables, expression) && variables[expression] !== undefined) {
    return { ok: true, value: asFeel(variables[expression]), warnings: [] };
  }
  const context: Record<string, unknown> = namedIn(expression, variables);
  context.now = () => clockNow(clock);
  context.today = () => clockToday(clock);
  try {
    const { value, warnings } = evaluate(expression, context);
    return { ok: true, value, warnings: warnings.map((w) => w.message) };
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      return { ok: false, error: `\`${expression}\` does not parse: ${error.message} at character ${error.position.from + 1}` };
    }
    return { ok: false, error: `\`${expression}\` failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** FEEL's keywords and the clock functions, which a same-named variable does not replace. */
const NOT_A_VARIABLE = new Set([
  "true", "false", "null", "not", "and", "or", "if", "then", "else", "for", "in", "return",
  "some", "every", "satisfies", "between", "instance", "of", "function", "external", "now", "today",
]);

function isPlainName(expression: string): boolean {
  return PLAIN_NAME.test(expression) && !NOT_A_VARIABLE.has(expression);
}

/** A variable's value as feelin hands it out: lists and contexts copied, dates and times as FEEL values. */
function asFeel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asFeel);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) Object.defineProperty(copy, key, { value: asFeel(entry), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return toFeel(value);
}

/**
 * The variables whose names occur in the expression's text. FEEL reads a
 * variable only by writing its name, so the others cannot change the
 * answer; leaving them out spares feelin copying and indexing every
 * variable of the instance for each expression (a process with many form
 * fields evaluates many small expressions per step).
 */
function namedIn(expression: string, variables: Record<string, unknown>): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const key of Object.keys(variables)) {
    if (expression.includes(key)) Object.defineProperty(named, key, { value: variables[key], enumerable: true, writable: true, configurable: true });
  }
  return named;
}

function localIso(clock: FeelClock): string {
  const t = localParts(Date.parse(clock.now), clock.timeZone);
  const p = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${p(t.year, 4)}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.millisecond, 3)}`;
}

function clockNow(clock: FeelClock): FeelDateTime | null {
  return dateAndTime(`${localIso(clock)}@${clock.timeZone}`);
}

function clockToday(clock: FeelClock): FeelDate | null {
  return parseDate(localIso(clock).slice(0, 10));
}

/**
 * Turns a FEEL result into a value that can be stored as JSON: temporal
 * values become their ISO text (`2024-05-01`, `P2D`). Functions, ranges and
 * numbers JSON cannot hold are refused with the reason.
 */
export function feelToJson(value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelTime || value instanceof FeelDuration) {
    return { ok: true, value: value.toString() };
  }
  if (isFunction(value)) return { ok: false, error: "a function cannot be stored in a variable" };
  if (isRange(value)) return { ok: false, error: "a range cannot be stored in a variable" };
  if (typeof value === "number" && !Number.isFinite(value)) return { ok: false, error: `${value} cannot be stored in a variable` };
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const converted = feelToJson(item);
      if (!converted.ok) return converted;
      items.push(converted.value);
    }
    return { ok: true, value: items };
  }
  if (typeof value === "object") {
    const entries: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      const converted = feelToJson(entry);
      if (!converted.ok) return converted;
      entries[key] = converted.value;
    }
    return { ok: true, value: entries };
  }
  return { ok: true, value };
}

/** A short rendering of a FEEL value for messages: strings quoted, temporals as ISO text. */
export function describeFeelValue(value: unknown): string {
  const json = feelToJson(value);
  if (!json.ok) return isFunction(value) ? "a function" : "a range";
  return JSON.stringify(json.value) ?? "null";
}
