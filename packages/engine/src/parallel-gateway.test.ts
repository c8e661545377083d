import { describe, expect, it } from "vitest";
import { chain, end, flow, parallel, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// Credit application: scoring and the security check run in parallel; both
// must finish before the decision task.
const creditProcess = processOf(
  [start("apply"), parallel("split"), task("scoring"), task("security"), parallel("join"), task("decide"), end("done")],
  [
    flow("apply", "split"),
    flow("split", "scoring"),
    flow("split", "security"),
    flow("scoring", "join"),
    flow("security", "join"),
    ...chain("join", "decide", "done"),
  ],
);

describe("a parallel split and join", () => {
  it("creates one task per branch at once", () => {
    const run = given(creditProcess).whenStarted({ amount: 5000 });

    expect(run.created().map((t) => t.stepId)).toEqual(["scoring", "security"]);
    expect(new Set(run.created().map((t) => t.tokenId)).size).toBe(2);
    expect(run.status).toBe("running");
  });

  it("waits at the join until every branch has arrived, then creates the next task once", () => {
    const run = given(creditProcess).whenStarted({ amount: 5000 });

    run.whenCompleted("security", { cleared: true });
    expect(run.created()).toEqual([]);
    expect(run.openTaskSteps()).toEqual(["scoring"]);
    expect(run.state?.tokens).toEqual([
      expect.objectContaining({ stepId: "scoring" }),
      { id: expect.any(String), stepId: "join", via: "security->join" },
    ]);

    run.whenCompleted("scoring", { score: 710 });
    expect(run.created().map((t) => t.stepId)).toEqual(["decide"]);
    expect(run.state?.tokens).toEqual([expect.objectContaining({ stepId: "decide" })]);
    expect(run.variables).toEqual({ amount: 5000, cleared: true, score: 710 });

    run.whenCompleted("decide", {});
    expect(run.status).toBe("completed");
    expect(run.history.filter((c) => c.type === "createTask" && c.stepId === "decide")).toHaveLength(1);
  });

  it("completes only when the last branch has ended", () => {
    const twoEnds = processOf(
      [start("s"), parallel("split"), task("a"), task("b"), end("end-a"), end("end-b")],
      [flow("s", "split"), flow("split", "a"), flow("split", "b"), flow("a", "end-a"), flow("b", "end-b")],
    );
    const run = given(twoEnds).whenStarted({});

    run.whenCompleted("a");
    expect(run.status).toBe("running");
    expect(run.commandTypes()).toEqual([]);

    run.whenCompleted("b");
    expect(run.status).toBe("completed");
    expect(run.commandTypes()).toEqual(["endInstance"]);
  });
});
