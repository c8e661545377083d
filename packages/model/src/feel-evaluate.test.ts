import { describe, expect, test } from "vitest";
import { evaluateFeelExpression, feelNames } from "./feel-evaluate.ts";

describe("evaluateFeelExpression", () => {
  test("evaluates over the scope", () => {
    const scope = { category: "gold", amount: 60000, loans: [{ monthly: 100 }, { monthly: 250.5 }] };
    expect(evaluateFeelExpression('category = "gold"', scope)).toEqual({ ok: true, value: true });
    expect(evaluateFeelExpression('amount > 50000 and category in ("gold", "platinum")', scope)).toEqual({ ok: true, value: true });
    expect(evaluateFeelExpression("sum(loans.monthly)", scope)).toEqual({ ok: true, value: 350.5 });
    expect(evaluateFeelExpression("count(loans[monthly > 200])", scope)).toEqual({ ok: true, value: 1 });
  });

  test("a missing name is null, not an error", () => {
    expect(evaluateFeelExpression('category = "gold"', {})).toEqual({ ok: true, value: false });
    expect(evaluateFeelExpression("amount > 5", {})).toEqual({ ok: true, value: null });
    expect(evaluateFeelExpression("amount > 5", { amount: undefined })).toEqual({ ok: true, value: null });
  });

  test("a field named like a function does not shadow the function", () => {
    expect(evaluateFeelExpression("count(items) = 2", { items: [1, 2], count: 7 })).toEqual({ ok: true, value: true });
  });

  test("text that does not parse is reported, never thrown", () => {
    const result = evaluateFeelExpression("amount >", { amount: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^`amount >` could not be evaluated/);
  });

  test("does not read inherited properties of the scope", () => {
    expect(evaluateFeelExpression("toString = null", { amount: 1 })).toEqual({ ok: true, value: true });
  });
});

describe("feelNames", () => {
  test("names the variables read, not the functions called", () => {
    expect(feelNames("count(loans) > 0 and sum(loans.amount) > limit")).toEqual({
      candidates: ["loans", "limit"],
      free: ["loans", "limit"],
    });
  });

  test("leaves names bound inside the expression out of the free names", () => {
    expect(feelNames("some x in xs satisfies x > y").free).toEqual(["xs", "y"]);
    expect(feelNames("for l in loans return l.amount * rate").free).toEqual(["loans", "rate"]);
    expect(feelNames("(function(a) a + b)(1)").free).toEqual(["b"]);
  });

  test("a filter reads its elements' properties: candidates, but not free", () => {
    const names = feelNames("loans[monthly > limit]");
    expect(names.free).toEqual(["loans"]);
    expect(names.candidates).toEqual(["loans", "monthly", "limit"]);
  });

  test("type names and literals are not variables", () => {
    expect(feelNames('x instance of number and date("2024-01-01") < today()').free).toEqual(["x"]);
  });
});
