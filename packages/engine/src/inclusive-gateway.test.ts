import { describe, expect, it } from "vitest";
import { chain, decision, end, flow, inclusive, processOf, start, task, timer } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// An order: packing always, the invoice when it is billed, the gift wrap
// when asked for; shipping waits for exactly the branches that were taken.
const order = processOf(
  [start("s"), inclusive("split"), task("pack"), task("invoice"), task("wrap"), inclusive("join"), task("ship"), end("e")],
  [
    flow("s", "split"),
    flow("split", "pack"),
    flow("split", "invoice", { condition: "billed" }),
    flow("split", "wrap", { condition: "gift = true" }),
    flow("pack", "join"),
    flow("invoice", "join"),
    flow("wrap", "join"),
    ...chain("join", "ship", "e"),
  ],
);

describe("an inclusive split", () => {
  it("takes every connection whose condition holds, and one without a condition always", () => {
    const run = given(order).whenStarted({ billed: true, gift: false });

    expect(run.created().map((t) => t.stepId)).toEqual(["pack", "invoice"]);
    expect(run.decisions().map((d) => d.connectionId)).toEqual(["split->pack", "split->invoice"]);
  });

  it("takes the default only when no condition holds", () => {
    const withDefault = processOf(
      [start("s"), inclusive("split"), task("a"), task("b"), task("other"), end("e")],
      [
        flow("s", "split"),
        flow("split", "a", { condition: "x > 1" }),
        flow("split", "b", { condition: "x > 2" }),
        flow("split", "other", { isDefault: true }),
        flow("a", "e"),
        flow("b", "e"),
        flow("other", "e"),
      ],
    );
    expect(given(withDefault).whenStarted({ x: 3 }).openTaskSteps()).toEqual(["a", "b"]);
    const none = given(withDefault).whenStarted({ x: 0 });
    expect(none.openTaskSteps()).toEqual(["other"]);
    expect(none.decisions()[0]?.reason).toMatch(/^default: no condition was true \(x > 1 was false, x > 2 was false\)/);
  });

  it("stops under a retryable incident when nothing holds and there is no default", () => {
    const noDefault = processOf(
      [start("s"), inclusive("split"), task("a"), end("e")],
      [flow("s", "split"), flow("split", "a", { condition: "x > 1" }), flow("split", "e", { condition: "x > 5" }), flow("a", "e")],
    );
    const run = given(noDefault).whenStarted({ x: 0 });

    expect(run.status).toBe("incident");
    const [incident] = run.raised();
    expect(incident).toMatchObject({ code: "decision.no-match", stepId: "split" });
    expect(incident?.message).toContain("x > 1 was false, x > 5 was false");

    run.whenRetried(incident!.id, { x: 2 });
    expect(run.status).toBe("running");
    expect(run.openTaskSteps()).toEqual(["a"]);
  });

  it("takes nothing when a condition breaks", () => {
    const broken = processOf(
      [start("s"), inclusive("split"), task("a"), task("b"), end("e")],
      [flow("s", "split"), flow("split", "a"), flow("split", "b", { condition: "x >" }), flow("a", "e"), flow("b", "e")],
    );
    const run = given(broken).whenStarted({});
    expect(run.raised()[0]).toMatchObject({ code: "expression.error", stepId: "split" });
    expect(run.created()).toEqual([]);
  });
});

describe("an inclusive join", () => {
  it("waits only for the branches that were taken (one untaken)", () => {
    const run = given(order).whenStarted({ billed: true, gift: false });

    run.whenCompleted("pack");
    expect(run.created()).toEqual([]);
    run.whenCompleted("invoice");
    expect(run.created().map((t) => t.stepId)).toEqual(["ship"]);
    expect(run.state?.tokens.map((t) => t.stepId)).toEqual(["ship"]);
  });

  it("waits for every branch when all were taken, and fires once", () => {
    const run = given(order).whenStarted({ billed: true, gift: true });
    expect(run.openTaskSteps()).toEqual(["pack", "invoice", "wrap"]);

    run.whenCompleted("wrap").whenCompleted("pack");
    expect(run.created()).toEqual([]);
    run.whenCompleted("invoice");
    expect(run.created().map((t) => t.stepId)).toEqual(["ship"]);
    run.whenCompleted("ship");
    expect(run.status).toBe("completed");
    expect(run.history.filter((c) => c.type === "createTask" && c.stepId === "ship")).toHaveLength(1);
  });

  it("passes straight through when only one branch was taken", () => {
    const run = given(order).whenStarted({ billed: false, gift: false });
    expect(run.openTaskSteps()).toEqual(["pack"]);
    run.whenCompleted("pack");
    expect(run.openTaskSteps()).toEqual(["ship"]);
  });

  it("waits for a branch whose token waits at a timer upstream, and fires when it comes", () => {
    const delayed = processOf(
      [start("s"), inclusive("split"), task("a"), timer("cool", { duration: "PT1H" }), task("b"), inclusive("join"), end("e")],
      [flow("s", "split"), flow("split", "a"), flow("split", "cool"), ...chain("cool", "b"), flow("a", "join"), flow("b", "join"), flow("join", "e")],
    );
    const run = given(delayed).at("2024-03-29T09:00:00.000Z").whenStarted({});
    run.whenCompleted("a");
    expect(run.state?.tokens.map((t) => t.stepId).sort()).toEqual(["cool", "join"]);

    run.advanceTo("2024-03-29T10:00:00.000Z");
    expect(run.openTaskSteps()).toEqual(["b"]);
    run.whenCompleted("b");
    expect(run.status).toBe("completed");
  });

  it("fires when the other branch turns away from it", () => {
    // b's branch may go back to the join or leave for an end on its own.
    const turning = processOf(
      [start("s"), inclusive("split"), task("a"), task("b"), decision("d"), inclusive("join"), task("after"), end("e"), end("elsewhere")],
      [
        flow("s", "split"),
        flow("split", "a"),
        flow("split", "b"),
        flow("a", "join"),
        flow("b", "d"),
        flow("d", "join", { condition: "back" }),
        flow("d", "elsewhere", { isDefault: true }),
        ...chain("join", "after", "e"),
      ],
    );
    const run = given(turning).whenStarted({});
    run.whenCompleted("a");
    expect(run.created()).toEqual([]);
    run.whenCompleted("b", { back: false });
    expect(run.created().map((t) => t.stepId)).toEqual(["after"]);
  });

  it("joins nested splits, each at its own join", () => {
    const nested = processOf(
      [start("s"), inclusive("outer"), inclusive("inner"), task("a"), task("b"), task("c"), inclusive("innerJoin"), inclusive("outerJoin"), task("done"), end("e")],
      [
        flow("s", "outer"),
        flow("outer", "inner", { condition: "nested" }),
        flow("outer", "c", { condition: "withC" }),
        flow("inner", "a", { condition: "withA" }),
        flow("inner", "b", { condition: "withB" }),
        flow("a", "innerJoin"),
        flow("b", "innerJoin"),
        flow("innerJoin", "outerJoin"),
        flow("c", "outerJoin"),
        ...chain("outerJoin", "done", "e"),
      ],
    );
    const run = given(nested).whenStarted({ nested: true, withC: true, withA: true, withB: false });
    expect(run.openTaskSteps()).toEqual(["c", "a"]);

    run.whenCompleted("a");
    // The inner join fired (b was not taken); the outer one still waits for c.
    expect(run.state?.tokens.map((t) => t.stepId).sort()).toEqual(["c", "outerJoin"]);
    run.whenCompleted("c");
    expect(run.openTaskSteps()).toEqual(["done"]);
  });

  it("after a loop, counts a branch that comes round again only once per round", () => {
    // review may send the draft back to rework, which returns to review; the join waits for the loop to settle.
    const looping = processOf(
      [start("s"), inclusive("split"), task("legal"), task("review"), decision("okay"), task("rework"), inclusive("join"), task("sign"), end("e")],
      [
        flow("s", "split"),
        flow("split", "legal", { condition: "needsLegal" }),
        flow("split", "review"),
        flow("review", "okay"),
        flow("okay", "rework", { condition: "approved = false" }),
        flow("okay", "join", { isDefault: true }),
        flow("rework", "review"),
        flow("legal", "join"),
        ...chain("join", "sign", "e"),
      ],
    );
    const run = given(looping).whenStarted({ needsLegal: false });
    run.whenCompleted("review", { approved: false });
    expect(run.openTaskSteps()).toEqual(["rework"]);
    run.whenCompleted("rework").whenCompleted("review", { approved: true });
    expect(run.openTaskSteps()).toEqual(["sign"]);

    const both = given(looping).whenStarted({ needsLegal: true });
    both.whenCompleted("review", { approved: false }).whenCompleted("rework");
    expect(both.openTaskSteps().sort()).toEqual(["legal", "review"]);
    both.whenCompleted("review", { approved: true });
    expect(both.created()).toEqual([]);
    both.whenCompleted("legal");
    expect(both.openTaskSteps()).toEqual(["sign"]);
  });

  it("a loop back to the split in front of the join does not make the join wait for itself", () => {
    // After the join, "again" goes back to the split: a path through the join itself is not waited for.
    const again = processOf(
      [start("s"), inclusive("split"), task("a"), task("b"), inclusive("join"), decision("more"), end("e")],
      [
        flow("s", "split"),
        flow("split", "a"),
        flow("split", "b", { condition: "withB" }),
        flow("a", "join"),
        flow("b", "join"),
        flow("join", "more"),
        flow("more", "split", { condition: "again" }),
        flow("more", "e", { isDefault: true }),
      ],
    );
    const run = given(again).whenStarted({ withB: false, again: true });
    run.whenCompleted("a", { again: false });
    expect(run.status).toBe("completed");
  });
});
