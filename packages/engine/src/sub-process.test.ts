import { describe, expect, it } from "vitest";
import { chain, end, flow, inside, parallel, processOf, start, subProcess, task, timer } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// Onboarding: the "equipment" sub-process orders a laptop and a badge in
// parallel; onboarding goes on to the welcome only when both are done.
const onboarding = processOf(
  [
    start("s"),
    subProcess("equipment"),
    ...inside("equipment", start("eqStart"), parallel("eqSplit"), task("laptop"), task("badge"), parallel("eqJoin"), end("eqEnd")),
    task("welcome"),
    end("e"),
  ],
  [
    ...chain("s", "equipment", "welcome", "e"),
    flow("eqStart", "eqSplit"),
    flow("eqSplit", "laptop"),
    flow("eqSplit", "badge"),
    flow("laptop", "eqJoin"),
    flow("badge", "eqJoin"),
    flow("eqJoin", "eqEnd"),
  ],
);

describe("an embedded sub-process", () => {
  it("runs its inside from its own start, in a scope of its own", () => {
    const run = given(onboarding).whenStarted({});

    expect(run.openTaskSteps()).toEqual(["laptop", "badge"]);
    const [waiting, ...insideTokens] = run.state!.tokens;
    expect(waiting).toMatchObject({ stepId: "equipment" });
    expect(insideTokens.map((t) => t.parentId)).toEqual([waiting!.id, waiting!.id]);
  });

  it("completes when nothing is left inside, then leaves by its outgoing connection", () => {
    const run = given(onboarding).whenStarted({});
    run.whenCompleted("laptop");
    expect(run.created()).toEqual([]);
    run.whenCompleted("badge");
    expect(run.created().map((t) => t.stepId)).toEqual(["welcome"]);
    expect(run.state?.tokens.map((t) => t.stepId)).toEqual(["welcome"]);
    run.whenCompleted("welcome");
    expect(run.status).toBe("completed");
  });

  it("completes when every inner path has ended, with no join inside", () => {
    const twoEnds = processOf(
      [start("s"), subProcess("sub"), ...inside("sub", start("in"), task("a"), task("b"), end("endA"), end("endB")), task("after"), end("e")],
      [...chain("s", "sub", "after", "e"), flow("in", "a"), flow("in", "b"), flow("a", "endA"), flow("b", "endB")],
    );
    const run = given(twoEnds).whenStarted({});
    run.whenCompleted("b");
    expect(run.openTaskSteps()).toEqual(["a"]);
    run.whenCompleted("a");
    expect(run.openTaskSteps()).toEqual(["after"]);
  });

  it("runs nested sub-processes, inner first, and waits for timers inside", () => {
    const nested = processOf(
      [
        start("s"),
        subProcess("outer"),
        ...inside("outer", start("oStart"), subProcess("inner"), task("outerTask"), end("oEnd")),
        ...inside("inner", start("iStart"), timer("pause", { duration: "P1D" }), task("innerTask"), end("iEnd")),
        task("after"),
        end("e"),
      ],
      [...chain("s", "outer", "after", "e"), ...chain("oStart", "inner", "outerTask", "oEnd"), ...chain("iStart", "pause", "innerTask", "iEnd")],
    );
    const run = given(nested).at("2024-03-29T09:00:00.000Z").whenStarted({});
    const [outerToken, innerToken, pauseToken] = run.state!.tokens;
    expect([outerToken?.stepId, innerToken?.stepId, pauseToken?.stepId]).toEqual(["outer", "inner", "pause"]);
    expect(innerToken?.parentId).toBe(outerToken?.id);
    expect(pauseToken?.parentId).toBe(innerToken?.id);

    run.advanceTo("2024-03-30T09:00:00.000Z");
    expect(run.openTaskSteps()).toEqual(["innerTask"]);
    run.whenCompleted("innerTask");
    expect(run.openTaskSteps()).toEqual(["outerTask"]);
    expect(run.state?.tokens.map((t) => t.stepId)).toEqual(["outer", "outerTask"]);
    run.whenCompleted("outerTask");
    expect(run.openTaskSteps()).toEqual(["after"]);
    run.whenCompleted("after");
    expect(run.status).toBe("completed");
  });

  it("runs the same sub-process twice at once, each run joining only its own tokens", () => {
    const twice = processOf(
      [
        start("s"),
        parallel("split"),
        subProcess("check"),
        ...inside("check", start("cStart"), parallel("cSplit"), task("x"), task("y"), parallel("cJoin"), end("cEnd")),
        end("e"),
      ],
      [
        flow("s", "split"),
        flow("split", "check", { id: "first" }),
        flow("split", "check", { id: "second" }),
        flow("check", "e"),
        flow("cStart", "cSplit"),
        flow("cSplit", "x"),
        flow("cSplit", "y"),
        flow("x", "cJoin"),
        flow("y", "cJoin"),
        flow("cJoin", "cEnd"),
      ],
    );
    const run = given(twice).whenStarted({});
    const xs = run.openTasks.filter((t) => t.stepId === "x");
    const ys = run.openTasks.filter((t) => t.stepId === "y");
    expect(xs).toHaveLength(2);
    run.send({ type: "taskCompleted", tokenId: xs[0]!.tokenId, data: {}, completedBy: "bob" });
    run.send({ type: "taskCompleted", tokenId: ys[1]!.tokenId, data: {}, completedBy: "bob" });
    // One x and one y done, but in different runs: neither run is complete.
    expect(run.state?.tokens.filter((t) => t.stepId === "check")).toHaveLength(2);
    run.send({ type: "taskCompleted", tokenId: ys[0]!.tokenId, data: {}, completedBy: "bob" });
    expect(run.state?.tokens.filter((t) => t.stepId === "check")).toHaveLength(1);
    run.send({ type: "taskCompleted", tokenId: xs[1]!.tokenId, data: {}, completedBy: "bob" });
    expect(run.status).toBe("completed");
  });
});
