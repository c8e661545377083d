import { describe, expect, it } from "vitest";
import type { Step } from "@baton/model";
import { EngineUsageError } from "./engine-usage-error.ts";
import { MAX_MOVES_PER_STEP } from "./run-tokens.ts";
import { step } from "./step.ts";
import { chain, decision, end, flow, parallel, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";
import type { EngineEvent, EngineEnv, InstanceState } from "./types.ts";

const simple = processOf([start("s"), task("a"), task("b"), end("e")], chain("s", "a", "b", "e"));

function counterEnv(now = "2024-03-29T09:00:00Z"): EngineEnv {
  let n = 0;
  return { now, newId: () => `id-${++n}` };
}

describe("the engine step", () => {
  it("is deterministic: the same inputs give the same outputs", () => {
    const event: EngineEvent = { type: "started", data: { x: 1 }, startedBy: "alice" };
    expect(step(simple, undefined, event, counterEnv())).toEqual(step(simple, undefined, event, counterEnv()));
  });

  it("does not change the state it is given", () => {
    const env = counterEnv();
    const { state } = step(simple, undefined, { type: "started", data: {}, startedBy: "alice" }, env);
    const before = structuredClone(state);
    const tokenId = state.tokens[0]?.id ?? "";

    step(simple, state, { type: "taskCompleted", tokenId, data: { y: 2 }, completedBy: "bob" }, env);

    expect(state).toEqual(before);
  });

  it("runs the same whether or not the state was stored as JSON between events", () => {
    const env1 = counterEnv();
    const env2 = counterEnv();
    const started = step(simple, undefined, { type: "started", data: { a: [1, { b: null }] }, startedBy: "alice" }, env1);
    const reloaded: InstanceState = JSON.parse(JSON.stringify(step(simple, undefined, { type: "started", data: { a: [1, { b: null }] }, startedBy: "alice" }, env2).state));
    const tokenId = started.state.tokens[0]?.id ?? "";
    const completed: EngineEvent = { type: "taskCompleted", tokenId, data: { c: "x" }, completedBy: "bob" };

    expect(step(simple, reloaded, completed, env2)).toEqual(step(simple, started.state, completed, env1));
  });

  it("throws on a token that is not waiting", () => {
    const run = given(simple).whenStarted({});

    expect(() => run.send({ type: "taskCompleted", tokenId: "nope", data: {}, completedBy: "bob" })).toThrow(
      /taskCompleted: no token "nope" is waiting in this instance \(waiting: "id-\d+" at "a"\)/,
    );
  });

  it("throws on any event for a completed instance", () => {
    const run = given(simple).whenStarted({}).whenCompleted("a").whenCompleted("b");
    expect(run.status).toBe("completed");

    expect(() => run.send({ type: "taskCompleted", tokenId: "id-1", data: {}, completedBy: "bob" })).toThrow(
      /the instance is completed and accepts no "taskCompleted" event/,
    );
  });

  it("throws on misuse: starting twice, an event before the start, a state from another engine version", () => {
    const run = given(simple).whenStarted({});
    expect(() => run.whenStarted({})).toThrow(EngineUsageError);

    const fresh = given(simple);
    expect(() => fresh.send({ type: "taskCompleted", tokenId: "t", data: {}, completedBy: "bob" })).toThrow(/send "started" first/);

    const future = { ...(run.state as InstanceState), stateVersion: 2 } as unknown as InstanceState;
    expect(() => step(simple, future, { type: "taskCompleted", tokenId: "t", data: {}, completedBy: "b" }, counterEnv())).toThrow(
      /state version 2 is not supported/,
    );
  });

  it("throws on an incident id that is not open", () => {
    const run = given(simple).whenStarted({});
    expect(() => run.whenRetried("nope")).toThrow(/no open incident "nope" in this instance \(open: none\)/);
  });

  it("stops an endless loop without a wait state with a loop.limit incident", () => {
    const spin = processOf(
      [start("s"), decision("d1"), decision("d2"), end("e")],
      [flow("s", "d1"), flow("d1", "d2"), flow("d2", "d1", { condition: "true" }), flow("d2", "e", { isDefault: true })],
    );

    const run = given(spin).whenStarted({});

    expect(run.status).toBe("incident");
    const [incident] = run.raised();
    expect(incident).toMatchObject({ code: "loop.limit", message: expect.stringContaining(`stopped after ${MAX_MOVES_PER_STEP} moves`) });
    expect(run.state?.tokens).toEqual([expect.objectContaining({ id: incident?.tokenId })]);
    expect(run.decisions()).toHaveLength(MAX_MOVES_PER_STEP - 1);
  });

  it("lets other branches go on while one is stuck under an incident", () => {
    const branches = processOf(
      [start("s"), parallel("split"), task("a"), decision("d"), end("e1"), end("e2")],
      [flow("s", "split"), flow("split", "a"), flow("split", "d"), flow("d", "e1", { condition: "go" }), flow("a", "e2")],
    );
    const run = given(branches).whenStarted({});
    expect(run.status).toBe("incident");

    run.whenCompleted("a");
    expect(run.status).toBe("incident");

    run.whenRetried(run.state?.incidents[0]?.id ?? "", { go: true });
    expect(run.status).toBe("completed");
  });

  it("keeps an incident the runtime added (no token) until it is retried, which only resolves it", () => {
    const run = given(simple).whenStarted({});
    // What the runtime does when a task names a user Baton does not know.
    const note = { id: "rt-1", stepId: "a", code: "assignment.error" as const, message: "created unassigned", at: run.now };
    run.state = { ...(run.state as InstanceState), status: "incident", incidents: [note] };

    run.whenCompleted("a");
    expect(run.status).toBe("incident");
    expect(run.openTaskSteps()).toEqual(["b"]);

    run.whenRetried("rt-1");
    expect(run.commands).toEqual([]);
    expect(run.status).toBe("running");
    expect(run.openTaskSteps()).toEqual(["b"]);
  });

  it("refuses a definition whose connection points nowhere", () => {
    const broken = { ...simple, connections: [...simple.connections, { id: "x", source: "a", target: "ghost" }] };
    expect(() => step(broken, undefined, { type: "started", data: {}, startedBy: "a" }, counterEnv())).toThrow(/unknown step "ghost"/);
  });
});
