import { evaluate, parseExpression } from "feelin";

/**
 * FEEL evaluation for rules that the browser and the server must answer
 * alike (a form field's visible-if and required-if). It lives in the model,
 * which already depends on feelin, so `@baton/forms` and the apps can share
 * it without a FEEL dependency of their own.
 *
 * feelin copies and converts the whole context on every call, which costs
 * far more than the expression itself once a form has a few hundred values.
 * So the names an expression reads are worked out once per expression (from
 * the parse tree, cached) and only those enter the context.
 *
 * feelin never throws for an unknown name or a wrong type (it yields null);
 * it throws only for text that does not parse, which `validate` refuses
 * before publishing. Both come back as data here: this never throws.
 */
export type FeelEvaluation = { ok: true; value: unknown } | { ok: false; error: string };

export function evaluateFeelExpression(expression: string, scope: Readonly<Record<string, unknown>>): FeelEvaluation {
  const context: Record<string, unknown> = {};
  for (const name of feelNames(expression).candidates) {
    if (Object.hasOwn(scope, name) && scope[name] !== undefined) context[name] = scope[name];
  }
  try {
    return { ok: true, value: evaluate(expression, context).value };
  } catch (error) {
    return { ok: false, error: `\`${expression}\` could not be evaluated: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The outer names an expression reads (`amount > 5 and count(loans) > 0`
 * reads `amount` and `loans`; `count` is a function).
 * - `candidates`: every name that may come from the outer scope, for the
 *   evaluation context; extra ones are harmless.
 * - `free`: the names it certainly reads from the outer scope, leaving out
 *   names bound inside it (`for x in xs`, `function(a)`) and names inside a
 *   filter (`loans[amount > 5]` reads `amount` of each loan), for checks
 *   such as "no field provides this name".
 */
export type FeelNames = { candidates: readonly string[]; free: readonly string[] };

const cache = new Map<string, FeelNames>();
const CACHE_LIMIT = 2000;

export function feelNames(expression: string): FeelNames {
  const known = cache.get(expression);
  if (known) return known;
  const names = collectNames(expression);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(expression, names);
  return names;
}

type SyntaxNode = ReturnType<typeof parseExpression>["topNode"];

function collectNames(expression: string): FeelNames {
  const candidates = new Set<string>();
  const read: string[] = [];
  const bound = new Set<string>();
  const text = (n: SyntaxNode) => expression.slice(n.from, n.to).trim();

  const visit = (node: SyntaxNode, inFilter: boolean): void => {
    if (node.name === "Type") return; // `x instance of number`: a type name, not a variable
    if ((node.name === "Name" && node.parent?.name === "InExpression") || node.name === "ParameterName") {
      bound.add(text(node));
      return;
    }
    if (node.name === "VariableName") {
      const isCallee = node.parent?.name === "FunctionInvocation" && node.parent.firstChild?.from === node.from;
      if (!isCallee) {
        candidates.add(text(node));
        if (!inFilter) read.push(text(node));
      }
      return;
    }
    let child = node.firstChild;
    let index = 0;
    while (child) {
      // A filter's first child is the list; what follows in brackets reads each element.
      visit(child, inFilter || (node.name === "FilterExpression" && index > 0));
      child = child.nextSibling;
      index++;
    }
  };
  visit(parseExpression(expression, {}, undefined).topNode, false);
  const free = [...new Set(read)].filter((name) => !bound.has(name));
  return { candidates: [...candidates], free };
}
