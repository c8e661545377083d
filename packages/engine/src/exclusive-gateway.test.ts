import { describe, expect, it } from "vitest";
import { EngineUsageError } from "./engine-usage-error.ts";
import { chain, decision, end, flow, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// The call-back outcome decides: converted → order, not interested → end,
// call again → back to the call (a loop to an earlier task).
function salesProcess(options: { withDefault: boolean }) {
  return processOf(
    [start("log"), task("call"), decision("outcome-check"), task("order"), end("won"), end("lost")],
    [
      ...chain("log", "call", "outcome-check"),
      flow("outcome-check", "order", { id: "to-order", condition: 'outcome = "converted"' }),
      flow("outcome-check", "call", { id: "again", condition: 'outcome = "call again"' }),
      flow("outcome-check", "lost", { id: "to-lost", condition: 'outcome = "not interested"', isDefault: options.withDefault }),
      ...chain("order", "won"),
    ],
  );
}

describe("an exclusive decision", () => {
  it("takes the first connection whose condition is true and says why", () => {
    const run = given(salesProcess({ withDefault: false })).whenStarted({});

    run.whenCompleted("call", { outcome: "converted" });

    expect(run.decisions()).toEqual([
      { type: "decisionTaken", stepId: "outcome-check", connectionId: "to-order", reason: 'outcome = "converted" was true' },
    ]);
    expect(run.openTaskSteps()).toEqual(["order"]);
  });

  it("falls to the default when no condition is true, even one that cannot be evaluated", () => {
    const run = given(salesProcess({ withDefault: true })).whenStarted({});

    // `outcome` is missing: feelin yields a non-true result, which does not match.
    run.whenCompleted("call", { note: "no outcome recorded" });

    expect(run.decisions()).toEqual([expect.objectContaining({ connectionId: "to-lost" })]);
    expect(run.decisions()[0]?.reason).toMatch(/^default: no condition was true \(outcome = "converted" was/);
    expect(run.status).toBe("completed");
  });

  it("raises a decision.no-match incident when nothing matches and there is no default", () => {
    const run = given(salesProcess({ withDefault: false })).whenStarted({});

    run.whenCompleted("call", { outcome: "maybe" });

    expect(run.status).toBe("incident");
    expect(run.commandTypes()).toEqual(["variablesChanged", "raiseIncident"]);
    const [incident] = run.raised();
    expect(incident).toEqual({
      id: expect.any(String),
      stepId: "outcome-check",
      code: "decision.no-match",
      message: expect.stringContaining('no condition was true and there is no default (outcome = "converted" was false'),
      at: run.now,
      tokenId: expect.any(String),
    });
    expect(run.state?.incidents).toEqual([incident]);
    expect(run.state?.tokens).toEqual([{ id: incident?.tokenId, stepId: "outcome-check", via: "call->outcome-check" }]);
  });

  it("goes on from the stuck decision when the incident is retried with corrected data", () => {
    const run = given(salesProcess({ withDefault: false })).whenStarted({});
    run.whenCompleted("call", { outcome: "maybe" });
    const [incident] = run.raised();

    run.whenRetried(incident?.id ?? "", { outcome: "not interested" });

    expect(run.commands).toEqual([
      { type: "variablesChanged", stepId: "outcome-check", changes: { outcome: "not interested" } },
      expect.objectContaining({ type: "decisionTaken", connectionId: "to-lost" }),
      { type: "endInstance" },
    ]);
    expect(run.state?.incidents).toEqual([]);
    expect(run.status).toBe("completed");
  });

  it("loops back to an earlier task with a new task and token", () => {
    const run = given(salesProcess({ withDefault: false })).whenStarted({});
    const firstCall = run.task("call");

    run.whenCompleted("call", { outcome: "call again" });

    expect(run.decisions()).toEqual([expect.objectContaining({ connectionId: "again" })]);
    expect(run.created()).toEqual([expect.objectContaining({ stepId: "call" })]);
    expect(run.task("call").tokenId).not.toBe(firstCall.tokenId);

    run.whenCompleted("call", { outcome: "converted" });
    expect(run.openTaskSteps()).toEqual(["order"]);
  });

  it("raises expression.error for a condition that does not parse", () => {
    const broken = processOf(
      [start("s"), decision("d"), end("a"), end("b")],
      [flow("s", "d"), flow("d", "a", { condition: "amount >" }), flow("d", "b", { isDefault: true })],
    );

    const run = given(broken).whenStarted({ amount: 5 });

    expect(run.status).toBe("incident");
    expect(run.raised()).toEqual([
      expect.objectContaining({ code: "expression.error", stepId: "d", message: expect.stringContaining("`amount >` does not parse") }),
    ]);
  });

  it("passes through a connection without a condition (a decision used as a merge)", () => {
    const merge = processOf([start("s"), decision("m"), end("e")], chain("s", "m", "e"));

    const run = given(merge).whenStarted({});

    expect(run.decisions()).toEqual([{ type: "decisionTaken", stepId: "m", connectionId: "m->e", reason: '"m->e" has no condition' }]);
    expect(run.status).toBe("completed");
  });

  it("refuses to complete the token stuck at a decision: it has no task", () => {
    const run = given(salesProcess({ withDefault: false })).whenStarted({});
    run.whenCompleted("call", { outcome: "maybe" });
    const tokenId = run.state?.tokens[0]?.id ?? "";

    expect(() => run.send({ type: "taskCompleted", tokenId, data: {}, completedBy: "bob" })).toThrow(EngineUsageError);
  });
});
