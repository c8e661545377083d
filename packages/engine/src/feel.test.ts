import { evaluate } from "feelin";
import { describe, expect, it } from "vitest";
import { evaluateFeel, feelToJson } from "./feel.ts";

const clock = { now: "2024-03-30T23:30:00Z", timeZone: "Europe/Berlin" };

describe("FEEL", () => {
  it("evaluates over the variables", () => {
    expect(evaluateFeel('outcome = "converted"', { outcome: "converted" }, clock)).toEqual({ ok: true, value: true, warnings: [] });
    expect(evaluateFeel("order.total * 2", { order: { total: 21 } }, clock)).toMatchObject({ ok: true, value: 42 });
  });

  it("reports a runtime problem as a null value with warnings", () => {
    expect(evaluateFeel("missing", {}, clock)).toEqual({ ok: true, value: null, warnings: ["Variable 'missing' not found"] });
  });

  it("returns text that does not parse as an error, with where", () => {
    expect(evaluateFeel("amount >", {}, clock)).toEqual({ ok: false, error: "`amount >` does not parse: Incomplete <Comparison> at character 9" });
  });

  it("reads now() and today() from the clock in its time zone, over a variable of the same name", () => {
    const now = evaluateFeel("now()", { now: "shadowed" }, clock);
    expect(now.ok && String(now.value)).toBe("2024-03-31T00:30:00@Europe/Berlin");
    const today = evaluateFeel("today()", {}, clock);
    expect(today.ok && String(today.value)).toBe("2024-03-31");
  });

  it("turns results into JSON, refusing what JSON cannot hold", () => {
    const value = evaluateFeel('{ on: date("2024-04-05"), wait: duration("P2D"), list: [1, date and time("2024-04-05T10:00:00Z")] }', {}, clock);
    expect(value.ok && feelToJson(value.value)).toEqual({ ok: true, value: { on: "2024-04-05", wait: "P2D", list: [1, "2024-04-05T10:00:00Z"] } });
    const fn = evaluateFeel("function(x) x + 1", {}, clock);
    expect(fn.ok && feelToJson(fn.value)).toEqual({ ok: false, error: "a function cannot be stored in a variable" });
  });

  it("answers a variable's name exactly as feelin does", () => {
    const variables: Record<string, unknown> = {
      text: "2024-04-05",
      amount: 12.5,
      none: null,
      yes: true,
      items: [{ sku: "A", qty: [1, 2] }, "b"],
      order: { total: 21, lines: [{ sku: "A" }] },
      date: "my own",
      true: "shadow",
      now: "shadowed",
    };
    for (const name of [...Object.keys(variables), "missing", "sum"]) {
      const ours = evaluateFeel(name, variables, clock);
      const theirs = evaluate(name, { ...variables, now: "shadowed" });
      expect(ours.ok, name).toBe(true);
      if (!ours.ok || name === "now") continue;
      expect(ours.value, name).toEqual(theirs.value);
      expect(ours.warnings, name).toEqual(theirs.warnings.map((w) => w.message));
    }
  });

  it("hands out a copy of a list or context, never the variable itself", () => {
    const variables = { order: { lines: [{ sku: "A" }] } };
    const outcome = evaluateFeel("order", variables, clock);
    expect(outcome.ok && outcome.value).toEqual(variables.order);
    expect(outcome.ok && outcome.value).not.toBe(variables.order);
  });

  it("reads only the variables an expression names, with the same answers", () => {
    const variables = { a: 2, "order total": 40, other: { big: "x".repeat(1000) } };
    expect(evaluateFeel("order total / a", variables, clock)).toEqual({ ok: true, value: 20, warnings: [] });
    expect(evaluateFeel("a + b", variables, clock)).toEqual({ ok: true, value: null, warnings: evaluate("a + b", variables).warnings.map((w) => w.message) });
  });
});
