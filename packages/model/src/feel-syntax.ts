import { parseExpression, parseUnaryTests } from "feelin";

/**
 * Syntax checks for FEEL text, without evaluating it.
 *
 * feelin's lezer parser never throws on bad input: it recovers and leaves
 * error nodes (`type.isError`) in the tree. We report the first one, with a
 * 0-based `offset` for editors and a 1-based line/column in the message for
 * people. The parser also accepts a few things FEEL does not mean the way a
 * newcomer expects (`a == b`, `a <> b` parse as a comparison with a unary
 * test and always yield null at runtime), so those are reported too.
 */
export type FeelSyntaxResult = { ok: true } | { ok: false; message: string; offset: number };

type Tree = ReturnType<typeof parseExpression>;

export function checkFeelExpression(text: string): FeelSyntaxResult {
  return check(text, parseExpression(text, {}, undefined), true);
}

/** Unary tests as in a decision table cell: `< 10`, `"a", "b"`, `[1..5]`, `-`. */
export function checkFeelUnaryTests(text: string): FeelSyntaxResult {
  return check(text, parseUnaryTests(text, {}, undefined), false);
}

function check(text: string, tree: Tree, expression: boolean): FeelSyntaxResult {
  if (text.trim() === "") return { ok: false, message: "The expression is empty.", offset: 0 };
  const found = firstProblem(text, tree, expression);
  return found ?? { ok: true };
}

function firstProblem(text: string, tree: Tree, expression: boolean): FeelSyntaxResult | null {
  let result: FeelSyntaxResult | null = null;
  let unaryDepth = 0;
  tree.iterate({
    enter(node) {
      if (result) return false;
      if (node.type.isError) {
        result = errorAt(text, node.from, node.to);
        return false;
      }
      if (node.name === "PositiveUnaryTest" || node.name === "PositiveUnaryTests") unaryDepth++;
      // In an expression a bare unary test (`== 3`, `a <> b`, `x and < 3`) is
      // only meaningful after `in`; elsewhere it parses but yields null.
      if (expression && unaryDepth === 0 && node.name === "SimplePositiveUnaryTest") {
        const prev = node.node.prevSibling;
        const from = prev?.name === "CompareOp" ? prev.from : node.from;
        const near = /^[=<>!]+(?:\s*[=<>!]+)*/.exec(text.slice(from))?.[0] ?? text.slice(from, node.to);
        result = {
          ok: false,
          message: `Syntax error at ${where(text, from)} near "${shorten(near)}": ${comparisonHint(near)}.`,
          offset: from,
        };
        return false;
      }
      return undefined;
    },
    leave(node) {
      if (node.name === "PositiveUnaryTest" || node.name === "PositiveUnaryTests") unaryDepth--;
    },
  });
  return result;
}

function comparisonHint(near: string): string {
  const op = near.replace(/\s/g, "");
  if (op.startsWith("==")) return "compare with a single = (and != for not equal)";
  if (op === "<>") return 'FEEL writes "not equal" as !=';
  return "a comparison needs a value on its left";
}

function errorAt(text: string, from: number, to: number): FeelSyntaxResult {
  const rest = text.slice(from);
  if (rest.trim() === "") {
    return {
      ok: false,
      message: `Syntax error at ${where(text, from)}: the expression ends too early.`,
      offset: from,
    };
  }
  // An empty error node marks the spot; the offending token starts there.
  const covered = to > from ? text.slice(from, to) : /^\s*(\S+)/.exec(rest)?.[1] ?? rest;
  const near = shorten(covered.trim());
  const start = from + (to > from ? 0 : rest.length - rest.trimStart().length);
  if (near === '"' && !text.slice(start + 1).includes('"')) {
    return {
      ok: false,
      message: `Syntax error at ${where(text, start)}: the text opened here has no closing quote.`,
      offset: start,
    };
  }
  const hint = near.startsWith("'") ? ': FEEL writes text in double quotes ("like this")' : "";
  return {
    ok: false,
    message: `Syntax error at ${where(text, start)} near "${near}"${hint}.`,
    offset: start,
  };
}

function where(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return line > 1 ? `line ${line}, column ${column}` : `column ${column}`;
}

function shorten(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}
