import { describe, expect, it } from "vitest";
import { juelPlainVariable, juelToFeel } from "./juel-to-feel.ts";

describe("JUEL to FEEL", () => {
  it.each([
    ["${approved}", "approved"],
    ["#{approved}", "approved"],
    ["${!approved}", "not(approved)"],
    ["${not approved}", "not(approved)"],
    ["${clarified == 'yes'}", 'clarified = "yes"'],
    ['${status ne "done"}', 'status != "done"'],
    ["${score <= 5}", "score <= 5"],
    ["${score gt 5 && order.total >= 100.5}", "score > 5 and order.total >= 100.5"],
    ["${a || (b && !c)}", "a or (b and not(c))"],
    ["${!(a && b)}", "not(a and b)"],
    ["${x == null}", "x = null"],
    ["${name == 'O\\'Brien'}", 'name = "O\'Brien"'],
  ])("translates %s to %s", (juel, feel) => {
    expect(juelToFeel(juel)).toEqual({ ok: true, feel });
  });

  it.each([
    ["${score + 1 > 5}", /\+/],
    ["${empty list}", /empty/],
    ["${execution.getVariable('x')}", /calls a method/],
    ["${a ? b : c}", /\?/],
    ["${a == b == c}", /chains/],
    ["${list[0]}", /\[/],
    ["${if}", /keyword/],
    ["approved", /not a \$\{…\} expression/],
    ["${'open}", /closing quote/],
    ["${(a}", /parenthesis/],
  ])("refuses %s with a reason", (juel, reason) => {
    const result = juelToFeel(juel);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("recognises only a plain variable as an assignee expression", () => {
    expect(juelPlainVariable("${approver}")).toBe("approver");
    expect(juelPlainVariable(" #{ owner } ")).toBe("owner");
    expect(juelPlainVariable("${approver.name}")).toBeNull();
    expect(juelPlainVariable("${users[0]}")).toBeNull();
    expect(juelPlainVariable("demo")).toBeNull();
  });
});
