import { describe, expect, it } from "vitest";
import { boundaryTimer, end, eventGateway, flow, inside, messageCatch, processOf, start, subProcess, task, timer } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// A quote waits for the customer's answer for three days; without one, a rep follows up.
const quote = processOf(
  [start("s"), eventGateway("first"), messageCatch("answer", "quote-answered", "quoteNo", { accepted: "accepted" }), timer("threeDays", { duration: "P3D" }), task("book"), task("followUp"), end("e1"), end("e2")],
  [flow("s", "first"), flow("first", "answer"), flow("first", "threeDays"), flow("answer", "book"), flow("threeDays", "followUp"), flow("book", "e1"), flow("followUp", "e2")],
);

describe("an event-based gateway", () => {
  it("arms the timer and the message wait after it at once", () => {
    const run = given(quote).at("2024-03-29T09:00:00.000Z").whenStarted({ quoteNo: "Q-9" });
    const token = run.state!.tokens[0]!;
    expect(token.stepId).toBe("first");
    expect(run.commands.filter((c) => c.type !== "variablesChanged")).toEqual([
      { type: "scheduleTimer", timer: { id: expect.any(String), stepId: "threeDays", tokenId: token.id, dueAt: "2024-04-01T09:00:00.000Z", purpose: { type: "event" } } },
      { type: "waitForMessage", tokenId: token.id, stepId: "answer", name: "quote-answered", key: "Q-9" },
    ]);
  });

  it("message wins: the answer moves on past the message wait and the timer is cancelled", () => {
    const run = given(quote).at("2024-03-29T09:00:00.000Z").whenStarted({ quoteNo: "Q-9" });
    const timerId = run.timers[0]!.id;
    run.at("2024-03-30T10:00:00.000Z").whenMessage("quote-answered", "Q-9", { accepted: true });
    expect(run.commands).toContainEqual({ type: "cancelTimer", timerId });
    expect(run.commands).toContainEqual({ type: "variablesChanged", stepId: "answer", changes: { accepted: true } });
    expect(run.openTaskSteps()).toEqual(["book"]);
    expect(run.timers).toEqual([]);
    expect(run.state!.messages).toEqual([]);

    run.advanceTo("2024-04-05T00:00:00.000Z");
    expect(run.openTaskSteps()).toEqual(["book"]);
  });

  it("timer wins: after three days the rep follows up and the message is no longer waited for", () => {
    const run = given(quote).at("2024-03-29T09:00:00.000Z").whenStarted({ quoteNo: "Q-9" });
    run.advanceTo("2024-04-01T08:59:59.999Z");
    expect(run.openTaskSteps()).toEqual([]);
    run.advanceTo("2024-04-01T09:00:00.000Z");
    expect(run.commands).toContainEqual({ type: "stopWaiting", tokenId: expect.any(String), stepId: "answer", name: "quote-answered", key: "Q-9" });
    expect(run.openTaskSteps()).toEqual(["followUp"]);
    expect(run.state!.messages).toEqual([]);
    expect(() => run.whenMessage("quote-answered", "Q-9")).toThrow(/nothing in this instance waits for the message "quote-answered"/);
  });

  it("between two messages, the first one wins", () => {
    const twoAnswers = processOf(
      [start("s"), eventGateway("g"), messageCatch("yes", "accepted", "id"), messageCatch("no", "declined", "id"), task("book"), end("e1"), end("e2")],
      [flow("s", "g"), flow("g", "yes"), flow("g", "no"), flow("yes", "book"), flow("no", "e2"), flow("book", "e1")],
    );
    const run = given(twoAnswers).whenStarted({ id: 7 });
    run.whenMessage("declined", "7", { reason: "too expensive" });
    expect(run.commands.filter((c) => c.type === "stopWaiting")).toEqual([expect.objectContaining({ stepId: "yes", name: "accepted", key: "7" })]);
    expect(run.status).toBe("completed");
    expect(run.variables.reason).toBe("too expensive");
  });

  it("arms nothing when a key cannot be worked out, and all of it once retried", () => {
    const run = given(quote).whenStarted({});
    expect(run.status).toBe("incident");
    expect(run.commandTypes()).toEqual(["raiseIncident"]);
    expect(run.raised()[0]!.message).toMatch(/^event gateway "first": message wait .* the correlation key `quoteNo` yielded null/);
    run.whenRetried(run.state!.incidents[0]!.id, { quoteNo: "Q-1" });
    expect(run.commandTypes().filter((t) => t !== "variablesChanged")).toEqual(["scheduleTimer", "waitForMessage"]);
  });

  it("calls off what the gateway armed when an interrupting timer cancels the sub-process it is in", () => {
    const wrapped = processOf(
      [
        start("s"),
        subProcess("sp"),
        ...inside("sp", start("in"), eventGateway("g"), messageCatch("m", "reply", "id"), timer("t", { duration: "P10D" }), end("ie1"), end("ie2")),
        boundaryTimer("deadline", "sp", { duration: "P1D" }),
        task("late"),
        end("e"),
        end("e2"),
      ],
      [flow("s", "sp"), flow("in", "g"), flow("g", "m"), flow("g", "t"), flow("m", "ie1"), flow("t", "ie2"), flow("sp", "e"), flow("deadline", "late"), flow("late", "e2")],
    );
    const run = given(wrapped).at("2024-03-29T09:00:00.000Z").whenStarted({ id: "r1" });
    run.advanceTo("2024-03-30T09:00:00.000Z");
    expect(run.commandTypes()).toEqual(expect.arrayContaining(["boundaryTriggered", "cancelTimer", "stopWaiting", "createTask"]));
    expect(run.state!.messages).toEqual([]);
    expect(run.timers).toEqual([]);
    expect(run.openTaskSteps()).toEqual(["late"]);
  });
});
