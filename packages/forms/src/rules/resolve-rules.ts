import { evaluateFeelExpression, feelNames, type SelectOption } from "@baton/model";
import type { FieldRule } from "./form-rules.ts";
import { variableOptions } from "./variable-options.ts";

/**
 * What a form's rules say about one set of data: the ONE place that decides
 * which fields are hidden, which are required and which options a choice
 * offers. The server validator and the browser form both call it, so the
 * two can never disagree.
 *
 * Rules are FEEL over `{ ...variables, ...formData }` (form data wins); a
 * rule holds only when it yields `true` (null, a wrong type or an error
 * count as false). A hidden field's value is dropped, and the rules are
 * read again without it: a stale answer in a hidden field ("gold benefits"
 * after switching to standard) must not keep other fields visible. That
 * repeats until nothing changes; rules that hide each other in a circle
 * stop after as many rounds as there are rules, hiding whatever either of
 * the last two rounds hid.
 */
export type RuleResolution = {
  /** The data without the values of hidden fields (the same object when nothing was dropped). */
  data: Record<string, unknown>;
  hidden: ReadonlySet<string>;
  /** Fields the rules make required now (shown, and `required` or `requiredIf` holds). */
  required: ReadonlySet<string>;
  /** Options of the shown fields that take them from a variable. */
  options: ReadonlyMap<string, SelectOption[]>;
  /** What the rules were read over: variables, then the data above. */
  scope: Readonly<Record<string, unknown>>;
};

/**
 * Whether a FEEL rule yields true over a scope.
 *
 * feelin re-parses an expression on every call (~0.1–0.3 ms each), which a
 * form of a few hundred fields cannot afford on every submission, nor the
 * browser on every keystroke. A rule is a pure function of the values it
 * reads, so verdicts are remembered by expression and those values: a rule
 * on a choice (`category = "gold"`) is evaluated once per choice. Rules
 * that read the clock (`today()`, `now()`) and rules over large values
 * (a table's rows) are evaluated every time.
 */
export function ruleHolds(expression: string, scope: Readonly<Record<string, unknown>>): boolean {
  const key = verdictKey(expression, scope);
  const known = key === undefined ? undefined : verdicts.get(key);
  if (known !== undefined) return known;
  const result = evaluateFeelExpression(expression, scope);
  const verdict = result.ok && result.value === true;
  if (key !== undefined) {
    if (verdicts.size >= VERDICT_LIMIT) verdicts.delete(verdicts.keys().next().value as string);
    verdicts.set(key, verdict);
  }
  return verdict;
}

const verdicts = new Map<string, boolean>();
const VERDICT_LIMIT = 20_000;
const READS_CLOCK = /\b(?:now|today)\s*\(/;

function verdictKey(expression: string, scope: Readonly<Record<string, unknown>>): string | undefined {
  if (READS_CLOCK.test(expression)) return undefined;
  // A missing name and null read the same in FEEL, as they do in JSON here.
  const values = feelNames(expression).candidates.map((name) => (Object.hasOwn(scope, name) ? scope[name] : null));
  const key = `${expression}\u0000${JSON.stringify(values)}`;
  return key.length > 2_000 ? undefined : key;
}

export function resolveFormRules(
  rules: readonly FieldRule[],
  data: Record<string, unknown>,
  variables: Readonly<Record<string, unknown>> = {},
): RuleResolution {
  const { conditional, readers } = prepared(rules);
  const scope: Record<string, unknown> = { ...variables, ...data };
  // One verdict per expression while the scope stays: a section's rule is shared by every field inside it.
  const verdicts = new Map<string, boolean>();
  const holds = (expression: string) => {
    let verdict = verdicts.get(expression);
    if (verdict === undefined) verdicts.set(expression, (verdict = ruleHolds(expression, scope)));
    return verdict;
  };
  const apply = (key: string, hide: boolean) => {
    if (!hide && Object.hasOwn(data, key)) scope[key] = data[key];
    else if (Object.hasOwn(variables, key)) scope[key] = variables[key]; // a variable of the same name shows through
    else delete scope[key];
  };
  const shown = conditional.map((rule) => rule.visibleIf!.every(holds));
  const hiddenNow = () => new Set(conditional.filter((_, i) => !shown[i]).map((r) => r.key));
  let applied = new Set<string>(); // the keys whose answers the scope has dropped
  let hidden = hiddenNow();
  for (let round = 0; ; round++) {
    const changed = symmetricDifference(applied, hidden);
    if (changed.size === 0) break;
    if (round > conditional.length) {
      // Rules that hide each other in a circle: hide what either of the last two rounds hid.
      hidden = new Set([...applied, ...hidden]);
      for (const key of hidden) apply(key, true);
      break;
    }
    for (const key of changed) apply(key, hidden.has(key));
    applied = hidden;
    for (const expression of verdicts.keys()) {
      if (feelNames(expression).candidates.some((name) => changed.has(name))) verdicts.delete(expression);
    }
    const stale = new Set<number>();
    for (const key of changed) for (const i of readers.get(key) ?? []) stale.add(i);
    for (const i of stale) shown[i] = conditional[i]!.visibleIf!.every(holds);
    hidden = hiddenNow();
  }

  const required = new Set<string>();
  const options = new Map<string, SelectOption[]>();
  for (const rule of rules) {
    if (hidden.has(rule.key)) continue;
    if (rule.required || (rule.requiredIf !== undefined && holds(rule.requiredIf))) required.add(rule.key);
    if (rule.optionsFrom !== undefined) options.set(rule.key, variableOptions(variables, rule.optionsFrom));
  }
  return { data: withoutKeys(data, hidden), hidden, required, options, scope };
}

type Prepared = { conditional: FieldRule[]; readers: Map<string, number[]> };
const preparedRules = new WeakMap<readonly FieldRule[], Prepared>();

/** Per form, once: the rules with visible-if, and which of them read each name. */
function prepared(rules: readonly FieldRule[]): Prepared {
  let known = preparedRules.get(rules);
  if (!known) {
    const conditional = rules.filter((r) => r.visibleIf && r.visibleIf.length > 0);
    const readers = new Map<string, number[]>();
    conditional.forEach((rule, i) => {
      for (const name of new Set(rule.visibleIf!.flatMap((e) => feelNames(e).candidates))) {
        readers.set(name, [...(readers.get(name) ?? []), i]);
      }
    });
    known = { conditional, readers };
    preparedRules.set(rules, known);
  }
  return known;
}

function withoutKeys(data: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  if (![...keys].some((k) => Object.hasOwn(data, k))) return data;
  const out = { ...data };
  for (const key of keys) delete out[key];
  return out;
}

function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) if (!b.has(x)) out.add(x);
  for (const x of b) if (!a.has(x)) out.add(x);
  return out;
}
