import { describe, expect, it } from "vitest";
import { boundaryError, boundaryTimer, decision, end, errorEnd, flow, processOf, serviceCall, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";
import { throwError } from "./boundaries/throw-error.ts";
import { indexGraph } from "./graph.ts";
import { initialState } from "./initial-state.ts";
import { Run } from "./run.ts";
import type { InstanceState, Token } from "./types.ts";

const T0 = "2024-03-29T09:00:00.000Z";

// Citizen appeal: the official looks for the citizen's personal file; when
// there is none, the path ends by throwing "personal-file-not-found".
const appeal = processOf(
  [start("s"), task("search"), decision("found"), task("answer"), end("done"), errorEnd("noFile", "personal-file-not-found", "No personal file for {{citizen}}")],
  [
    flow("s", "search"),
    flow("search", "found"),
    flow("found", "answer", { condition: "fileFound = true" }),
    flow("found", "noFile", { isDefault: true }),
    flow("answer", "done"),
  ],
);

describe("an error end nobody catches", () => {
  it("stops the instance under an incident naming the error's code and message", () => {
    const run = given(appeal).at(T0).whenStarted({ citizen: "Ada Lovelace" });
    run.whenCompleted("search", { fileFound: false });

    expect(run.status).toBe("incident");
    expect(run.state!.incidents).toEqual([
      {
        id: expect.any(String),
        stepId: "noFile",
        code: "error.uncaught",
        message: '"Fail noFile" (noFile) threw the error "personal-file-not-found" (No personal file for Ada Lovelace), which no boundary error event catches',
        at: T0,
        tokenId: expect.any(String),
        error: { code: "personal-file-not-found", message: "No personal file for Ada Lovelace" },
      },
    ]);
    expect(run.state!.tokens.map((t) => t.stepId)).toEqual(["noFile"]);
  });

  it("throws again when retried, as nothing catches it yet", () => {
    const run = given(appeal).at(T0).whenStarted({ citizen: "Ada" });
    run.whenCompleted("search", { fileFound: false });
    run.whenRetried(run.state!.incidents[0]!.id);
    expect(run.status).toBe("incident");
    expect(run.state!.incidents).toEqual([expect.objectContaining({ code: "error.uncaught", stepId: "noFile" })]);
  });
});

describe("a service call's failure caught by a boundary error event", () => {
  const lookup = (...catchers: ReturnType<typeof boundaryError>[]) =>
    processOf(
      [
        start("s"),
        serviceCall("fetchFile", { method: "GET", url: "https://registry.example.com/files/{{citizen}}" }),
        boundaryTimer("slow", "fetchFile", { duration: "P1D" }),
        ...catchers,
        task("answer"),
        task("createFile"),
        task("investigate"),
        end("done"),
      ],
      [
        flow("s", "fetchFile"),
        flow("fetchFile", "answer"),
        flow("slow", "investigate"),
        ...catchers.map((c) => flow(c.id, c.trigger.type === "error" && c.trigger.errorCode === "404" ? "createFile" : "investigate")),
        flow("answer", "done"),
        flow("createFile", "done"),
        flow("investigate", "done"),
      ],
    );

  it("catches a 404 by its code, cancels the call's timers and records the error", () => {
    const run = given(lookup(boundaryError("notFound", "fetchFile", "404", "lookupError"), boundaryError("anyFailure", "fetchFile"))).at(T0).whenStarted({ citizen: "ada" });
    const token = run.state!.tokens[0]!.id;
    run.send({ type: "serviceFailed", tokenId: token, status: 404, error: "GET https://registry.example.com/files/ada answered 404 Not Found" });

    expect(run.status).toBe("running");
    expect(run.state!.incidents).toEqual([]);
    expect(run.openTaskSteps()).toEqual(["createFile"]);
    expect(run.timers).toEqual([]);
    expect(run.variables.lookupError).toEqual({ code: "404", message: "GET https://registry.example.com/files/ada answered 404 Not Found" });
    expect(run.commands).toContainEqual({
      type: "boundaryTriggered",
      stepId: "notFound",
      name: "Catch notFound",
      attachedTo: "fetchFile",
      tokenId: token,
      interrupting: true,
      error: { code: "404", message: "GET https://registry.example.com/files/ada answered 404 Not Found" },
    });
  });

  it("catches any other failure by the event without a code, also one with no HTTP answer", () => {
    const run = given(lookup(boundaryError("notFound", "fetchFile", "404"), boundaryError("anyFailure", "fetchFile"))).at(T0).whenStarted({ citizen: "ada" });
    run.send({ type: "serviceFailed", tokenId: run.state!.tokens[0]!.id, error: "could not be reached: ECONNREFUSED" });
    expect(run.openTaskSteps()).toEqual(["investigate"]);
    expect(run.history).toContainEqual(expect.objectContaining({ type: "boundaryTriggered", stepId: "anyFailure", error: { code: "service-failed", message: "could not be reached: ECONNREFUSED" } }));
  });

  it("is still an incident when no event catches that code", () => {
    const run = given(lookup(boundaryError("notFound", "fetchFile", "404"))).at(T0).whenStarted({ citizen: "ada" });
    run.send({ type: "serviceFailed", tokenId: run.state!.tokens[0]!.id, status: 500, error: "answered 500" });
    expect(run.status).toBe("incident");
    expect(run.state!.incidents).toEqual([expect.objectContaining({ code: "service.failed", stepId: "fetchFile" })]);
    expect(run.timers).toEqual([expect.objectContaining({ stepId: "slow" })]);
  });
});

describe("throwError up the chain of tokens (what sub-processes build on)", () => {
  // Until sub-processes exist, a token inside an activity is one whose
  // parentId is the activity's waiting token: the state is built by hand.
  const def = processOf(
    [start("s"), task("outer"), boundaryError("caught", "outer", "boom"), task("inner"), errorEnd("fail", "boom"), task("recover"), end("e")],
    [flow("s", "outer"), flow("outer", "e"), flow("caught", "recover"), flow("recover", "e"), flow("inner", "fail")],
  );
  const runWith = (tokens: Token[]) => {
    let id = 0;
    const state: InstanceState = { ...initialState("alice"), tokens, approvals: {} };
    return new Run(def, indexGraph(def), { now: T0, newId: () => `new-${++id}` }, state);
  };

  it("is caught by the activity the thrower belongs to, which is cancelled with everything inside it", () => {
    const outer: Token = { id: "outer-1", stepId: "outer" };
    const sibling: Token = { id: "inner-2", stepId: "inner", parentId: "outer-1" };
    const run = runWith([outer, sibling]);
    throwError(run, { id: "inner-1", stepId: "fail", parentId: "outer-1" }, { code: "boom", message: "it broke" });

    expect(run.state.tokens).toEqual([]);
    expect(run.moving).toEqual([{ id: "new-1", stepId: "recover", via: "caught->recover" }]);
    expect(run.commands.map((c) => c.type)).toEqual(["cancelTask", "cancelTask", "boundaryTriggered"]);
    expect(run.commands).toContainEqual(expect.objectContaining({ type: "cancelTask", tokenId: "inner-2", reason: 'the error "boom" (it broke) ended "Do outer" (outer); "Catch caught" (caught) caught it' }));
  });

  it("passes an error the activity does not catch on to the next one up, and stops where nothing does", () => {
    const run = runWith([{ id: "outer-1", stepId: "outer" }]);
    throwError(run, { id: "inner-1", stepId: "fail", parentId: "outer-1" }, { code: "other", message: "" });
    expect(run.moving).toEqual([]);
    expect(run.state.incidents).toEqual([expect.objectContaining({ code: "error.uncaught", stepId: "fail", tokenId: "inner-1" })]);
    expect(run.state.tokens.map((t) => t.id)).toEqual(["outer-1", "inner-1"]);
  });
});
