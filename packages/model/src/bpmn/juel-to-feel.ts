import { checkFeelExpression } from "../feel-syntax.ts";

/**
 * Translates the safe core of JUEL (Camunda 7's `${…}` expressions) to FEEL:
 * variables and dotted paths, literals, comparisons, and/or/not and
 * parentheses. Anything else (arithmetic, method calls, `empty`, the ternary
 * operator, indexing) is refused with a reason rather than guessed, because a
 * condition that silently means something else is worse than none.
 *
 * One difference remains and callers say so: JUEL treats a missing variable
 * as false/empty, FEEL as null (so `not(x)` is null, not true, when x is unset).
 */
export type JuelTranslation = { ok: true; feel: string } | { ok: false; reason: string };

type Token = { kind: "num" | "str" | "id" | "op"; text: string; at: number };
type Node =
  | { t: "lit"; text: string }
  | { t: "path"; text: string }
  | { t: "not"; of: Node }
  | { t: "paren"; of: Node }
  | { t: "bin"; op: string; left: Node; right: Node };

class Refused extends Error {}

const KEYWORD_OPS: Record<string, string> = { and: "&&", or: "||", not: "!", eq: "==", ne: "!=", lt: "<", gt: ">", le: "<=", ge: ">=" };
const UNSUPPORTED_WORDS = new Set(["empty", "div", "mod", "instanceof"]);
/** FEEL words that cannot stand as a plain variable name. */
const FEEL_RESERVED = new Set(["if", "then", "else", "for", "in", "return", "some", "every", "satisfies", "instance", "of", "between", "function", "and", "or", "not", "true", "false", "null"]);
const FEEL_OPS: Record<string, string> = { "==": "=", "!=": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "&&": "and", "||": "or" };

/** `${…}` or `#{…}` around the whole text, else null. */
export function juelBody(text: string): string | null {
  const m = /^\s*[$#]\{([\s\S]*)\}\s*$/.exec(text);
  return m ? m[1]! : null;
}

/** `${name}` → `name`: the only JUEL assignee form whose meaning is certain. */
export function juelPlainVariable(text: string): string | null {
  const body = juelBody(text);
  const m = body === null ? null : /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(body);
  return m && !FEEL_RESERVED.has(m[1]!) && !UNSUPPORTED_WORDS.has(m[1]!) ? m[1]! : null;
}

export function juelToFeel(text: string): JuelTranslation {
  const body = juelBody(text);
  if (body === null) return { ok: false, reason: "it is not a ${…} expression" };
  if (body.includes("${") || body.includes("#{")) return { ok: false, reason: "it mixes text and expressions" };
  try {
    const parser = new Parser(tokenize(body));
    const tree = parser.parseOr();
    parser.expectEnd();
    const feel = print(tree);
    const syntax = checkFeelExpression(feel);
    if (!syntax.ok) return { ok: false, reason: `its FEEL translation does not parse (${syntax.message})` };
    return { ok: true, feel };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(rest);
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const op = /^(==|!=|<=|>=|&&|\|\||[<>!().])/.exec(rest);
    if (num) tokens.push({ kind: "num", text: num[0], at: i });
    else if (id) tokens.push({ kind: "id", text: id[0], at: i });
    else if (op) tokens.push({ kind: "op", text: op[0], at: i });
    else if (rest[0] === "'" || rest[0] === '"') {
      const str = readString(src, i);
      tokens.push({ kind: "str", text: str.value, at: i });
      i = str.end;
      continue;
    } else throw new Refused(`it uses "${rest[0]}", which is not translated to FEEL`);
    i += (num ?? id ?? op)![0].length;
  }
  return tokens;
}

function readString(src: string, start: number): { value: string; end: number } {
  const quote = src[start];
  let value = "";
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\\" && i + 1 < src.length) value += src[++i];
    else if (c === quote) return { value, end: i + 1 };
    else value += c;
  }
  throw new Refused("a text literal has no closing quote");
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  /** The operator at the cursor, with JUEL's word operators spelled as symbols. */
  private peekOp(): string | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.kind === "op") return t.text;
    return t.kind === "id" ? KEYWORD_OPS[t.text] : undefined;
  }

  expectEnd(): void {
    const t = this.peek();
    if (t) throw new Refused(`it continues with "${t.text}" where it should end`);
  }

  parseOr(): Node {
    let left = this.parseAnd();
    while (this.peekOp() === "||") {
      this.i++;
      left = { t: "bin", op: "||", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseEquality();
    while (this.peekOp() === "&&") {
      this.i++;
      left = { t: "bin", op: "&&", left, right: this.parseEquality() };
    }
    return left;
  }

  private parseEquality(): Node {
    const left = this.parseRelation();
    const op = this.peekOp();
    if (op !== "==" && op !== "!=") return left;
    this.i++;
    const node: Node = { t: "bin", op, left, right: this.parseRelation() };
    const next = this.peekOp();
    if (next === "==" || next === "!=") throw new Refused("it chains comparisons");
    return node;
  }

  private parseRelation(): Node {
    const left = this.parseUnary();
    const op = this.peekOp();
    if (op !== "<" && op !== ">" && op !== "<=" && op !== ">=") return left;
    this.i++;
    return { t: "bin", op, left, right: this.parseUnary() };
  }

  private parseUnary(): Node {
    if (this.peekOp() === "!") {
      this.i++;
      return { t: "not", of: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const t = this.peek();
    if (!t) throw new Refused("it ends too early");
    this.i++;
    if (t.kind === "num") return { t: "lit", text: t.text };
    if (t.kind === "str") return { t: "lit", text: JSON.stringify(t.text) };
    if (t.kind === "op" && t.text === "(") {
      const inner = this.parseOr();
      if (this.peek()?.text !== ")") throw new Refused("a parenthesis is not closed");
      this.i++;
      return { t: "paren", of: inner };
    }
    if (t.kind === "id") {
      if (t.text === "true" || t.text === "false" || t.text === "null") return { t: "lit", text: t.text };
      if (UNSUPPORTED_WORDS.has(t.text)) throw new Refused(`it uses JUEL's "${t.text}", which has no exact FEEL equivalent`);
      return this.parsePath(t.text);
    }
    throw new Refused(`it has "${t.text}" where a value should be`);
  }

  private parsePath(first: string): Node {
    const parts = [first];
    while (this.peek()?.text === ".") {
      this.i++;
      const next = this.peek();
      if (next?.kind !== "id") throw new Refused("a property name is missing after a dot");
      this.i++;
      parts.push(next.text);
    }
    if (this.peek()?.text === "(") throw new Refused(`it calls a method (${parts.join(".")}(…))`);
    const reserved = parts.find((p) => FEEL_RESERVED.has(p));
    if (reserved) throw new Refused(`the name "${reserved}" is a FEEL keyword`);
    return { t: "path", text: parts.join(".") };
  }
}

function print(node: Node): string {
  switch (node.t) {
    case "lit":
    case "path":
      return node.text;
    case "not":
      return `not(${print(node.of.t === "paren" ? node.of.of : node.of)})`;
    case "paren":
      return `(${print(node.of)})`;
    case "bin":
      return `${print(node.left)} ${FEEL_OPS[node.op]} ${print(node.right)}`;
  }
}
