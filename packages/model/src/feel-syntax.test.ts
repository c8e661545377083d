import { describe, expect, test } from "vitest";
import { checkFeelExpression, checkFeelUnaryTests } from "./feel-syntax.ts";

describe("checkFeelExpression", () => {
  test.each([
    'outcome = "converted"',
    "amount >= 1000 and category = \"gold\"",
    "order.amount > 0",
    'today() + duration("P2D")',
    "x in [1, 2]",
    "x in < 5",
    "x in (< 5, > 10)",
    "x between 1 and 3",
    "some x in [1, 2] satisfies x > 1",
    "[1, 2, 3][item > 1]",
    'if amount > 10 then "big" else "small"',
    "string length(name) > 3",
    "a != b",
  ])("accepts %s", (text) => {
    expect(checkFeelExpression(text)).toEqual({ ok: true });
  });

  test.each([
    ["amount > ", 9, "Syntax error at column 10: the expression ends too early."],
    ["(a + b", 6, "Syntax error at column 7: the expression ends too early."],
    ["1 +* 2", 3, 'Syntax error at column 4 near "*".'],
    ["a = 1 b = 2", 6, 'Syntax error at column 7 near "b".'],
    [")", 0, 'Syntax error at column 1 near ")".'],
    ['outcome = "conv', 10, "Syntax error at column 11: the text opened here has no closing quote."],
    ["a = 'x'", 4, `Syntax error at column 5 near "'": FEEL writes text in double quotes ("like this").`],
    ["", 0, "The expression is empty."],
    ["   ", 0, "The expression is empty."],
  ])("reports %j at offset %i", (text, offset, message) => {
    expect(checkFeelExpression(text)).toEqual({ ok: false, offset, message });
  });

  // These parse in feelin but always evaluate to null: the classic `==`.
  test.each([
    ['outcome == "converted"', 8, '"=="', "compare with a single = (and != for not equal)"],
    ["a <> b", 2, '"<>"', 'FEEL writes "not equal" as !='],
    ['x = "a" or y == "b"', 13, '"=="', "compare with a single ="],
    ["not(a == b)", 6, '"=="', "compare with a single ="],
    ["a and < 3", 6, '"<"', "a comparison needs a value on its left"],
  ])("reports the comparison mistake in %j", (text, offset, near, hint) => {
    const result = checkFeelExpression(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.offset).toBe(offset);
    expect(result.message).toContain(`at column ${offset + 1} near ${near}`);
    expect(result.message).toContain(hint);
  });

  test("gives line and column in multi-line text", () => {
    expect(checkFeelExpression("amount >= 1000 and\n  category = ")).toEqual({
      ok: false,
      offset: 32,
      message: "Syntax error at line 2, column 14: the expression ends too early.",
    });
  });
});

describe("checkFeelUnaryTests", () => {
  test.each(["< 10", '"a", "b"', "[1..5]", "-", "not(1, 2)"])("accepts %s", (text) => {
    expect(checkFeelUnaryTests(text)).toEqual({ ok: true });
  });

  test("reports an incomplete test", () => {
    expect(checkFeelUnaryTests("< ")).toEqual({
      ok: false,
      offset: 2,
      message: "Syntax error at column 3: the expression ends too early.",
    });
  });
});
