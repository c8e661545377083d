import type { Assignment } from "@baton/model";
import { describe, expect, it } from "vitest";
import { chain, end, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

function assignedBy(assignment: Assignment) {
  return processOf([start("s"), task("call", { name: "Call back", assignment }), end("e")], chain("s", "call", "e"));
}

describe("who gets a task", () => {
  it("a named user", () => {
    const run = given(assignedBy({ type: "user", user: "rita" })).whenStarted({});

    expect(run.task("call")).toMatchObject({ assignee: "rita", candidateGroup: null });
  });

  it("a group whose members can claim it", () => {
    const run = given(assignedBy({ type: "group", group: "sales-reps" })).whenStarted({});

    expect(run.task("call")).toMatchObject({ assignee: null, candidateGroup: "sales-reps" });
  });

  it("a group that claims by default: no strategy on the command", () => {
    const run = given(assignedBy({ type: "group", group: "sales-reps", strategy: "claim" })).whenStarted({});

    expect(run.task("call")).not.toHaveProperty("strategy");
  });

  it.each(["roundRobin", "leastLoaded"] as const)("a group handing its task out by %s: the runtime picks the member", (strategy) => {
    const run = given(assignedBy({ type: "group", group: "sales-reps", strategy })).whenStarted({});

    expect(run.task("call")).toMatchObject({ assignee: null, candidateGroup: "sales-reps", strategy });
  });

  it("the initiator, by expression", () => {
    const run = given(assignedBy({ type: "expression", expression: "initiator" })).whenStarted({}, "desk-7");

    expect(run.task("call")).toMatchObject({ assignee: "desk-7", candidateGroup: null });
  });

  it("a rep chosen on the start form, by expression", () => {
    const run = given(assignedBy({ type: "expression", expression: "if rep != null then rep else initiator" })).whenStarted(
      { rep: "sam" },
      "desk-7",
    );

    expect(run.task("call").assignee).toBe("sam");
  });

  it("the first of a list", () => {
    const run = given(assignedBy({ type: "expression", expression: "reps" })).whenStarted({ reps: ["kim", "lee"] });

    expect(run.task("call").assignee).toBe("kim");
  });

  it.each([
    ["a missing variable", "rep", {}],
    ["an empty text", "rep", { rep: "" }],
    ["a number", "rep", { rep: 42 }],
    ["an empty list", "reps", { reps: [] }],
  ])("nobody when the expression yields %s: an assignment.error incident", (_what, expression, data) => {
    const run = given(assignedBy({ type: "expression", expression })).whenStarted(data);

    expect(run.status).toBe("incident");
    expect(run.created()).toEqual([]);
    expect(run.raised()).toEqual([
      expect.objectContaining({ code: "assignment.error", stepId: "call", message: expect.stringContaining("expected a user name") }),
    ]);
    expect(run.state?.tokens).toEqual([expect.objectContaining({ stepId: "call" })]);
  });

  it("creates the task when the incident is retried after the data is corrected", () => {
    const run = given(assignedBy({ type: "expression", expression: "rep" })).whenStarted({});
    const [incident] = run.raised();

    run.whenRetried(incident?.id ?? "", { rep: "sam" });

    expect(run.status).toBe("running");
    expect(run.task("call")).toMatchObject({ assignee: "sam", tokenId: incident?.tokenId });
    run.whenCompleted("call");
    expect(run.status).toBe("completed");
  });

  it("an expression that does not parse is an expression.error", () => {
    const run = given(assignedBy({ type: "expression", expression: "rep +" })).whenStarted({ rep: "sam" });

    expect(run.raised()).toEqual([expect.objectContaining({ code: "expression.error", message: expect.stringContaining("does not parse") })]);
  });
});
