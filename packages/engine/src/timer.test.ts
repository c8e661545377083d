import { describe, expect, it } from "vitest";
import { chain, decision, end, flow, processOf, start, task, timer } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

// Lead to customer, the "call again on <date>" loop: the rep records the
// outcome; "later" waits until the date they entered, then the call-back
// task comes back.
const callBackLoop = processOf(
  [start("lead"), task("callBack"), decision("outcome"), timer("waitForDate", { date: "callAgainOn" }), end("done")],
  [
    flow("lead", "callBack"),
    flow("callBack", "outcome"),
    flow("outcome", "waitForDate", { condition: 'outcome = "later"' }),
    flow("outcome", "done", { isDefault: true }),
    flow("waitForDate", "callBack"),
  ],
  { timeZone: "Europe/Berlin" },
);

describe("a timer step", () => {
  it("waits for a duration, then moves on exactly when it fires", () => {
    const wait = processOf([start("s"), timer("cool", { duration: "PT2H" }), task("next"), end("e")], chain("s", "cool", "next", "e"));
    const run = given(wait).at("2024-03-29T09:00:00.000Z").whenStarted();

    expect(run.commands).toEqual([
      { type: "scheduleTimer", timer: { id: expect.any(String), stepId: "cool", tokenId: expect.any(String), dueAt: "2024-03-29T11:00:00.000Z", purpose: { type: "wait" } } },
    ]);
    expect(run.status).toBe("running");

    run.advanceTo("2024-03-29T10:59:59.999Z");
    expect(run.commands).toEqual([]);
    expect(run.openTaskSteps()).toEqual([]);

    run.advanceTo("2024-03-29T11:00:00.000Z");
    expect(run.openTaskSteps()).toEqual(["next"]);
    expect(run.timers).toEqual([]);
  });

  it("waits until the date a person entered, as the start of that day in the process's zone", () => {
    const run = given(callBackLoop).at("2024-03-29T09:00:00.000Z").whenStarted({ name: "Ada" });
    run.whenCompleted("callBack", { outcome: "later", callAgainOn: "2024-04-03" });

    // Midnight in Berlin on 3 April (summer time, UTC+2).
    expect(run.timers).toEqual([expect.objectContaining({ stepId: "waitForDate", dueAt: "2024-04-02T22:00:00.000Z" })]);
    expect(run.openTaskSteps()).toEqual([]);

    run.advanceTo("2024-04-03T08:00:00.000Z");
    expect(run.openTaskSteps()).toEqual(["callBack"]);
    run.whenCompleted("callBack", { outcome: "converted" });
    expect(run.status).toBe("completed");
  });

  it("fires at once when the date has passed already", () => {
    const run = given(callBackLoop).at("2024-03-29T09:00:00.000Z").whenStarted();
    run.whenCompleted("callBack", { outcome: "later", callAgainOn: "2024-01-01" });
    run.advanceTo("2024-03-29T09:00:00.000Z");
    expect(run.openTaskSteps()).toEqual(["callBack"]);
  });

  it("stops under an incident when the date is missing, and goes on when retried with one", () => {
    const run = given(callBackLoop).at("2024-03-29T09:00:00.000Z").whenStarted();
    run.whenCompleted("callBack", { outcome: "later" });
    expect(run.status).toBe("incident");
    const incident = run.state!.incidents[0]!;
    expect(incident).toMatchObject({ stepId: "waitForDate", code: "expression.error" });
    expect(incident.message).toMatch(/^timer "Wait waitForDate" \(waitForDate\): timer `callAgainOn` yielded null/);

    run.whenRetried(incident.id, { callAgainOn: "2024-04-01" });
    expect(run.status).toBe("running");
    expect(run.timers).toEqual([expect.objectContaining({ stepId: "waitForDate" })]);
  });

  it("refuses a timer that is not waiting (fired twice)", () => {
    const wait = processOf([start("s"), timer("cool", { duration: "PT1M" }), task("next"), end("e")], chain("s", "cool", "next", "e"));
    const run = given(wait).whenStarted();
    const id = run.timers[0]!.id;
    run.send({ type: "timerFired", timerId: id });
    expect(run.openTaskSteps()).toEqual(["next"]);
    expect(() => run.send({ type: "timerFired", timerId: id })).toThrow(`timerFired: no timer "${id}" is waiting in this instance (it fired already or its task was completed)`);
  });
});
