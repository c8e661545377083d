import { describe, expect, it } from "vitest";
import { approval, boundaryTimer, end, flow, notify, processOf, serviceCall, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

const T0 = "2024-03-29T09:00:00.000Z";

// Support request: the agent has a day to answer; after that the request
// goes to the team lead instead (interrupting), and every 4 hours until
// then the dispatcher is reminded (non-interrupting cycle).
const supportRequest = (interrupting: boolean, extra: { escalate?: boolean } = {}) =>
  processOf(
    [
      start("s"),
      task("answer", extra.escalate ? { due: { type: "duration", duration: "PT4H" }, escalations: [{ after: "PT1H", action: "remind" }] } : {}),
      boundaryTimer("tooLong", "answer", { duration: "P1D" }, interrupting),
      task("lead"),
      end("answered"),
      end("escalated"),
    ],
    [flow("s", "answer"), flow("answer", "answered"), flow("tooLong", "lead"), flow("lead", "escalated")],
  );

describe("an interrupting boundary timer on a task", () => {
  it("cancels the task and its escalations when it fires, and leaves by its own connection", () => {
    const run = given(supportRequest(true, { escalate: true })).at(T0).whenStarted();
    const answerToken = run.task("answer").tokenId;
    expect(run.timers.map((t) => [t.stepId, t.purpose.type, t.dueAt])).toEqual([
      ["answer", "escalation", "2024-03-29T14:00:00.000Z"],
      ["tooLong", "boundary", "2024-03-30T09:00:00.000Z"],
    ]);

    run.advanceTo("2024-03-30T09:00:00.000Z");

    expect(run.openTaskSteps()).toEqual(["lead"]);
    expect(run.history).toContainEqual({ type: "boundaryTriggered", stepId: "tooLong", name: "Timer tooLong", attachedTo: "answer", tokenId: answerToken, interrupting: true });
    expect(run.history).toContainEqual({ type: "cancelTask", tokenId: answerToken, stepId: "answer", reason: 'the timer event "Timer tooLong" (tooLong) went off' });
    expect(run.timers).toEqual([]);
    expect(run.state!.tokens.map((t) => t.stepId)).toEqual(["lead"]);
    expect(() => run.whenCompleted("answer")).toThrow(/no open task at "answer"|expected one open task at "answer"/);

    run.whenCompleted("lead");
    expect(run.status).toBe("completed");
  });

  it("is cancelled when the task is completed first, and the instance ends the usual way", () => {
    const run = given(supportRequest(true, { escalate: true })).at(T0).whenStarted();
    run.at("2024-03-29T10:00:00.000Z").whenCompleted("answer");

    const cancelled = run.commands.filter((c) => c.type === "cancelTimer");
    expect(cancelled).toHaveLength(2);
    expect(run.timers).toEqual([]);
    expect(run.status).toBe("completed");
    expect(run.history.some((c) => c.type === "boundaryTriggered")).toBe(false);
  });

  it("counts a date from the variables, read as the start of that day in the process's zone", () => {
    const byDate = processOf(
      [start("s"), task("answer"), boundaryTimer("deadline", "answer", { date: "answerBy" }), end("e"), end("late")],
      [flow("s", "answer"), flow("answer", "e"), flow("deadline", "late")],
      { timeZone: "Europe/Berlin" },
    );
    const run = given(byDate).at(T0).whenStarted({ answerBy: "2024-04-02" });
    expect(run.timers).toEqual([expect.objectContaining({ stepId: "deadline", dueAt: "2024-04-01T22:00:00.000Z" })]);
    run.advanceTo("2024-04-02T00:00:00.000Z");
    expect(run.status).toBe("completed");
    expect(run.history).toContainEqual(expect.objectContaining({ type: "cancelTask", stepId: "answer" }));
  });

  it("leaves the task running with a visible incident when its date cannot be worked out", () => {
    const byDate = processOf(
      [start("s"), task("answer"), boundaryTimer("deadline", "answer", { date: "answerBy" }), end("e"), end("late")],
      [flow("s", "answer"), flow("answer", "e"), flow("deadline", "late")],
    );
    const run = given(byDate).at(T0).whenStarted();
    expect(run.openTaskSteps()).toEqual(["answer"]);
    expect(run.timers).toEqual([]);
    expect(run.state!.incidents).toEqual([
      expect.objectContaining({ stepId: "deadline", code: "expression.error", message: expect.stringMatching(/^timer event "Timer deadline" \(deadline\) on "Do answer" \(answer\): timer `answerBy` yielded null.*; the step goes on without it$/) }),
    ]);
  });
});

describe("a non-interrupting boundary timer on a task", () => {
  it("sends a token along its connection and leaves the task open", () => {
    const run = given(supportRequest(false)).at(T0).whenStarted();
    const answerToken = run.task("answer").tokenId;
    run.advanceTo("2024-03-30T09:00:00.000Z");

    expect(run.openTaskSteps().sort()).toEqual(["answer", "lead"]);
    expect(run.task("answer").tokenId).toBe(answerToken);
    expect(run.history).toContainEqual({ type: "boundaryTriggered", stepId: "tooLong", name: "Timer tooLong", attachedTo: "answer", tokenId: answerToken, interrupting: false });
    expect(run.history.some((c) => c.type === "cancelTask")).toBe(false);
    expect(run.timers).toEqual([]);

    run.whenCompleted("lead");
    expect(run.status).toBe("running");
    run.whenCompleted("answer");
    expect(run.status).toBe("completed");
  });

  it("repeats as a cycle as often as it says, each time counted from the last, and stops with the task", () => {
    const reminders = processOf(
      [start("s"), task("answer"), boundaryTimer("every4h", "answer", { cycle: "R3/PT4H" }, false), notify("remind", { type: "user", user: "dispatcher" }, "Still open"), end("e"), end("reminded")],
      [flow("s", "answer"), flow("answer", "e"), flow("every4h", "remind"), flow("remind", "reminded")],
    );
    const run = given(reminders).at(T0).whenStarted();
    run.advanceTo("2024-03-30T09:00:00.000Z");

    const sent = run.history.filter((c) => c.type === "notify");
    expect(sent).toHaveLength(3);
    const fired = run.history.filter((c) => c.type === "scheduleTimer").map((c) => (c.type === "scheduleTimer" ? c.timer.dueAt : ""));
    expect(fired).toEqual(["2024-03-29T13:00:00.000Z", "2024-03-29T17:00:00.000Z", "2024-03-29T21:00:00.000Z"]);
    expect(run.timers).toEqual([]);
    expect(run.openTaskSteps()).toEqual(["answer"]);
    run.whenCompleted("answer");
    expect(run.status).toBe("completed");
  });

  it("an endless cycle stops when the task is completed", () => {
    const reminders = processOf(
      [start("s"), task("answer"), boundaryTimer("daily", "answer", { cycle: "R/P1D" }, false), end("e"), end("reminded")],
      [flow("s", "answer"), flow("answer", "e"), flow("daily", "reminded")],
    );
    const run = given(reminders).at(T0).whenStarted();
    run.advanceTo("2024-04-05T10:00:00.000Z");
    expect(run.history.filter((c) => c.type === "boundaryTriggered")).toHaveLength(7);
    expect(run.timers).toEqual([expect.objectContaining({ dueAt: "2024-04-06T09:00:00.000Z" })]);
    run.whenCompleted("answer");
    expect(run.timers).toEqual([]);
    expect(run.commands).toContainEqual(expect.objectContaining({ type: "cancelTimer" }));
    expect(run.status).toBe("completed");
  });
});

describe("a boundary timer on an approval", () => {
  const committee = processOf(
    [
      start("s"),
      approval("vote", { type: "group", group: "committee" }, { several: { mode: "parallel", rule: { type: "all" } } }),
      boundaryTimer("noQuorum", "vote", { duration: "P2D" }),
      task("chair"),
      end("decided"),
      end("byChair"),
    ],
    [flow("s", "vote"), flow("vote", "decided"), flow("noQuorum", "chair"), flow("chair", "byChair")],
  );

  it("cancels every open vote when it fires; votes cast stay in the instance", () => {
    const run = given(committee).withGroups({ committee: ["ann", "ben", "cy"] }).at(T0).whenStarted({}, "sam");
    run.at("2024-03-30T09:00:00.000Z").whenVoted("vote", "ann", "approve");
    run.advanceTo("2024-03-31T09:00:00.000Z");

    const cancelled = run.history.filter((c) => c.type === "cancelTask");
    expect(cancelled).toHaveLength(2);
    expect(run.openTaskSteps()).toEqual(["chair"]);
    expect(run.state!.approvals).toEqual({});
    expect(run.state!.approvedBy).toEqual(["ann"]);
    expect(run.state!.tokens.map((t) => t.stepId)).toEqual(["chair"]);
  });

  it("is cancelled when the approval is decided first", () => {
    const run = given(committee).withGroups({ committee: ["ann", "ben"] }).at(T0).whenStarted({}, "sam");
    run.whenVoted("vote", "ann", "approve").whenVoted("vote", "ben", "approve");
    expect(run.status).toBe("completed");
    expect(run.timers).toEqual([]);
    expect(run.commands).toContainEqual(expect.objectContaining({ type: "cancelTimer" }));
  });
});

describe("a boundary timer on a service call", () => {
  const lookup = processOf(
    [
      start("s"),
      serviceCall("fetch", { method: "GET", url: "https://crm.example.com/leads" }),
      boundaryTimer("slow", "fetch", { duration: "PT1H" }),
      task("byHand"),
      end("e"),
      end("manual"),
    ],
    [flow("s", "fetch"), flow("fetch", "e"), flow("slow", "byHand"), flow("byHand", "manual")],
  );

  it("takes the other way when the service has not answered in time, also from under an incident", () => {
    const run = given(lookup).at(T0).whenStarted();
    const token = run.state!.tokens[0]!.id;
    run.at("2024-03-29T09:30:00.000Z").send({ type: "serviceFailed", tokenId: token, error: "GET https://crm.example.com/leads answered 503" });
    expect(run.status).toBe("incident");

    run.advanceTo("2024-03-29T10:00:00.000Z");
    expect(run.state!.incidents).toEqual([]);
    expect(run.status).toBe("running");
    expect(run.openTaskSteps()).toEqual(["byHand"]);
    // A late answer finds no token waiting.
    expect(() => run.send({ type: "serviceAnswered", tokenId: token, response: { status: 200, body: null } })).toThrow(/no token/);
  });

  it("keeps its deadline when the stuck call is retried", () => {
    const run = given(lookup).at(T0).whenStarted();
    const token = run.state!.tokens[0]!.id;
    run.at("2024-03-29T09:30:00.000Z").send({ type: "serviceFailed", tokenId: token, error: "down" });
    run.whenRetried(run.state!.incidents[0]!.id);
    expect(run.timers).toEqual([expect.objectContaining({ stepId: "slow", dueAt: "2024-03-29T10:00:00.000Z" })]);
    run.send({ type: "serviceAnswered", tokenId: token, response: { status: 200, body: null } });
    expect(run.status).toBe("completed");
    expect(run.timers).toEqual([]);
  });
});
