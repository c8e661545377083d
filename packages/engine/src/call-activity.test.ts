import { describe, expect, it } from "vitest";
import { boundaryError, callActivity, chain, flow, end, errorEnd, parallel, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";
import type { EngineCommand } from "./types.ts";

type StartChild = Extract<EngineCommand, { type: "startChild" }>;

// A claim calls the "assess-damage" process with the claim's amount and
// takes the assessed figure back.
const claim = processOf(
  [start("s"), callActivity("assess", "assess-damage", { amount: "claim.amount", by: "initiator" }, { assessed: "estimate * 2", "claim.checked": "true" }), task("pay"), end("e")],
  chain("s", "assess", "pay", "e"),
);

function startChild(commands: EngineCommand[]): StartChild {
  const found = commands.find((c): c is StartChild => c.type === "startChild");
  if (!found) throw new Error(`no startChild in ${commands.map((c) => c.type).join(", ")}`);
  return found;
}

describe("a call activity", () => {
  it("asks the runtime to start the called process with the inputs, and waits", () => {
    const run = given(claim).whenStarted({ claim: { amount: 1200 } }, "carol");

    expect(startChild(run.commands)).toEqual({
      type: "startChild",
      tokenId: run.state!.tokens[0]!.id,
      stepId: "assess",
      processKey: "assess-damage",
      variables: { amount: 1200, by: "carol" },
    });
    expect(run.state?.tokens.map((t) => t.stepId)).toEqual(["assess"]);
    expect(run.status).toBe("running");
  });

  it("maps the called process's final variables back and moves on when it completes", () => {
    const run = given(claim).whenStarted({ claim: { amount: 1200 } });
    const { tokenId } = startChild(run.commands);

    run.send({ type: "childCompleted", tokenId, variables: { estimate: 450, secret: "stays there" } });
    expect(run.variables).toEqual({ claim: { amount: 1200, checked: true }, assessed: 900 });
    expect(run.openTaskSteps()).toEqual(["pay"]);
    expect(run.commands.find((c) => c.type === "variablesChanged")).toEqual({ type: "variablesChanged", stepId: "assess", changes: { assessed: 900, claim: { amount: 1200, checked: true } } });
  });

  it("passes nothing either way without mappings", () => {
    const plain = processOf([start("s"), callActivity("call", "other"), end("e")], chain("s", "call", "e"));
    const run = given(plain).whenStarted({ private: 1 });
    expect(startChild(run.commands).variables).toEqual({});
    run.send({ type: "childCompleted", tokenId: startChild(run.commands).tokenId, variables: { result: 2 } });
    expect(run.variables).toEqual({ private: 1 });
    expect(run.status).toBe("completed");
  });

  it("stops under an incident when an input breaks, without calling", () => {
    const broken = processOf([start("s"), callActivity("call", "other", { x: "amount +" }), end("e")], chain("s", "call", "e"));
    const run = given(broken).whenStarted({});
    expect(run.raised()).toEqual([expect.objectContaining({ code: "expression.error", stepId: "call", message: expect.stringContaining('input to "x"') })]);
    expect(run.commandTypes()).not.toContain("startChild");
  });

  it("stops under an incident when an output breaks; the retry calls again", () => {
    const broken = processOf([start("s"), callActivity("call", "other", {}, { x: "estimate *" }), end("e")], chain("s", "call", "e"));
    const run = given(broken).whenStarted({});
    run.send({ type: "childCompleted", tokenId: startChild(run.commands).tokenId, variables: { estimate: 1 } });
    const [incident] = run.raised();
    expect(incident?.message).toMatch(/the called process "other" completed, but output to "x".*retrying calls it again/);
    expect(run.status).toBe("incident");
    run.whenRetried(incident!.id);
    expect(startChild(run.commands).processKey).toBe("other");
  });

  it("joins two calls in parallel once, whichever completes last", () => {
    const both = processOf(
      [start("s"), parallel("split"), callActivity("a", "proc-a", {}, { ra: "r" }), callActivity("b", "proc-b", {}, { rb: "r" }), parallel("join"), task("next"), end("e")],
      [flow("s", "split"), flow("split", "a"), flow("split", "b"), flow("a", "join"), flow("b", "join"), ...chain("join", "next", "e")],
    );
    const run = given(both).whenStarted({});
    const calls = run.commands.filter((c): c is StartChild => c.type === "startChild");
    expect(calls.map((c) => c.processKey)).toEqual(["proc-a", "proc-b"]);

    run.send({ type: "childCompleted", tokenId: calls[1]!.tokenId, variables: { r: 2 } });
    expect(run.created()).toEqual([]);
    run.send({ type: "childCompleted", tokenId: calls[0]!.tokenId, variables: { r: 1 } });
    expect(run.openTaskSteps()).toEqual(["next"]);
    expect(run.variables).toEqual({ ra: 1, rb: 2 });
  });

  it("refuses a completion for a token that is not at a call activity", () => {
    const run = given(claim).whenStarted({ claim: { amount: 1 } });
    expect(() => run.send({ type: "childCompleted", tokenId: "nope", variables: {} })).toThrow(/no token "nope"/);
  });
});

describe("an error the called process did not catch", () => {
  // The assessment may find the claim is fraud; the claim catches that on the call activity.
  const guarded = processOf(
    [start("s"), callActivity("assess", "assess-damage"), boundaryError("fraud", "assess", "fraud", "finding"), task("pay"), task("investigate"), end("e")],
    [...chain("s", "assess", "pay", "e"), ...chain("fraud", "investigate", "e")],
  );

  it("is caught by a boundary error event on the call activity, which ends the called process", () => {
    const run = given(guarded).whenStarted({});
    const { tokenId } = startChild(run.commands);
    run.send({ type: "childFailed", tokenId, error: { code: "fraud", message: "The photos are from 2019" } });

    expect(run.commands).toContainEqual({ type: "cancelChild", tokenId, stepId: "assess", reason: expect.stringContaining('the error "fraud"') });
    expect(run.commands).toContainEqual(expect.objectContaining({ type: "boundaryTriggered", stepId: "fraud", attachedTo: "assess", error: { code: "fraud", message: "The photos are from 2019" } }));
    expect(run.variables).toEqual({ finding: { code: "fraud", message: "The photos are from 2019" } });
    expect(run.openTaskSteps()).toEqual(["investigate"]);
  });

  it("changes nothing here when no event catches it: the caller keeps waiting", () => {
    const run = given(guarded).whenStarted({});
    const { tokenId } = startChild(run.commands);
    const before = run.state;
    run.send({ type: "childFailed", tokenId, error: { code: "other", message: "" } });
    expect(run.commands.filter((c) => c.type !== "variablesChanged")).toEqual([]);
    expect(run.state).toEqual(before);
    expect(run.status).toBe("running");
  });

  it("is thrown by an error end in the called process, kept on its uncaught incident for the caller", () => {
    const called = processOf([start("s"), errorEnd("refuse", "fraud", "Photos from {{year}}")], chain("s", "refuse"));
    const run = given(called).send({ type: "started", data: {}, startedBy: "carol", variables: { year: 2019 } });
    expect(run.raised()).toEqual([expect.objectContaining({ code: "error.uncaught", error: { code: "fraud", message: "Photos from 2019" } })]);
  });
});

describe("a called process", () => {
  it("starts with the caller's inputs as its variables, without its start form's mapping", () => {
    const called = processOf([start("s", { outputs: [{ from: "never", to: "x" }] }), task("assess"), end("e")], chain("s", "assess", "e"));
    const run = given(called).send({ type: "started", data: {}, startedBy: "carol", variables: { amount: 1200 } });
    expect(run.variables).toEqual({ amount: 1200 });
    expect(run.state?.startedBy).toBe("carol");
    expect(run.openTaskSteps()).toEqual(["assess"]);
  });
});
