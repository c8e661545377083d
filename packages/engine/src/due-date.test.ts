import type { DueRule } from "@baton/model";
import { describe, expect, it } from "vitest";
import { chain, end, processOf, start, task } from "./test-support/process-builder.ts";
import { given } from "./test-support/scenario.ts";

function dueBy(due: DueRule, timeZone = "UTC") {
  return processOf([start("s"), task("call", { due }), end("e")], chain("s", "call", "e"), { timeZone });
}

/** The due date of the task created when the process starts at `now`. */
function dueAt(due: DueRule, now: string, timeZone = "UTC", data: Record<string, unknown> = {}) {
  const run = given(dueBy(due, timeZone)).at(now).whenStarted(data);
  return run.task("call").dueAt;
}

describe("when a task is due", () => {
  it("has no due date without a rule", () => {
    const run = given(processOf([start("s"), task("call"), end("e")], chain("s", "call", "e"))).whenStarted({});
    expect(run.task("call").dueAt).toBeNull();
  });

  describe("end of day", () => {
    it("in UTC: the same day, or days later", () => {
      expect(dueAt({ type: "endOfDay", days: 0 }, "2024-03-29T09:00:00Z")).toBe("2024-03-29T23:59:59.999Z");
      expect(dueAt({ type: "endOfDay", days: 2 }, "2024-03-29T09:00:00Z")).toBe("2024-03-31T23:59:59.999Z");
    });

    it("in Europe/Berlin: the local day, across the change to summer time", () => {
      // 13:00 CET on Saturday 30 March 2024; clocks go forward on Sunday night.
      expect(dueAt({ type: "endOfDay", days: 0 }, "2024-03-30T12:00:00Z", "Europe/Berlin")).toBe("2024-03-30T22:59:59.999Z");
      expect(dueAt({ type: "endOfDay", days: 1 }, "2024-03-30T12:00:00Z", "Europe/Berlin")).toBe("2024-03-31T21:59:59.999Z");
    });

    it("in Europe/Berlin: counts from the local date, which can be a day ahead of UTC's", () => {
      // 23:30 UTC on the 30th is already 00:30 on the 31st in Berlin.
      expect(dueAt({ type: "endOfDay", days: 0 }, "2024-03-30T23:30:00Z", "Europe/Berlin")).toBe("2024-03-31T21:59:59.999Z");
    });

    it("in Europe/Berlin: across the change back to winter time", () => {
      expect(dueAt({ type: "endOfDay", days: 1 }, "2024-10-26T10:00:00Z", "Europe/Berlin")).toBe("2024-10-27T22:59:59.999Z");
    });

    it("an unknown time zone is an expression.error incident on the task", () => {
      const run = given(dueBy({ type: "endOfDay", days: 0 }, "Mars/Olympus")).whenStarted({});
      expect(run.status).toBe("incident");
      expect(run.raised()).toEqual([expect.objectContaining({ code: "expression.error", message: expect.stringContaining("Mars/Olympus") })]);
    });
  });

  describe("duration", () => {
    it("adds hours exactly and days, weeks and months on the calendar", () => {
      expect(dueAt({ type: "duration", duration: "PT4H30M" }, "2024-03-29T09:00:00Z")).toBe("2024-03-29T13:30:00.000Z");
      expect(dueAt({ type: "duration", duration: "P1W" }, "2024-03-29T09:00:00Z")).toBe("2024-04-05T09:00:00.000Z");
      expect(dueAt({ type: "duration", duration: "P1M" }, "2024-01-31T09:00:00Z")).toBe("2024-02-29T09:00:00.000Z");
      expect(dueAt({ type: "duration", duration: "P1DT2H" }, "2024-03-29T09:00:00Z")).toBe("2024-03-30T11:00:00.000Z");
    });

    it("keeps the wall-clock time for days across a DST change, while hours stay exact", () => {
      // One day after 13:00 CET is 13:00 CEST: 23 hours later.
      expect(dueAt({ type: "duration", duration: "P1D" }, "2024-03-30T12:00:00Z", "Europe/Berlin")).toBe("2024-03-31T11:00:00.000Z");
      expect(dueAt({ type: "duration", duration: "PT24H" }, "2024-03-30T12:00:00Z", "Europe/Berlin")).toBe("2024-03-31T12:00:00.000Z");
    });

    it("a text that is not a duration is an expression.error incident", () => {
      const run = given(dueBy({ type: "duration", duration: "4 hours" })).whenStarted({});
      expect(run.raised()).toEqual([expect.objectContaining({ code: "expression.error", message: expect.stringContaining('"4 hours"') })]);
    });
  });

  describe("expression", () => {
    const now = "2024-03-30T12:00:00Z";

    it("a date from the start form means the end of that day", () => {
      const rule: DueRule = { type: "expression", expression: "followUp" };
      expect(dueAt(rule, now, "UTC", { followUp: "2024-04-05" })).toBe("2024-04-05T23:59:59.999Z");
      expect(dueAt(rule, now, "Europe/Berlin", { followUp: "2024-04-05" })).toBe("2024-04-05T21:59:59.999Z");
    });

    it("a date-time: with a zone as written, without one in the process's zone", () => {
      expect(dueAt({ type: "expression", expression: 'date and time("2024-04-05T10:00:00")' }, now, "Europe/Berlin")).toBe(
        "2024-04-05T08:00:00.000Z",
      );
      expect(dueAt({ type: "expression", expression: "callAt" }, now, "Europe/Berlin", { callAt: "2024-04-05T10:00:00Z" })).toBe(
        "2024-04-05T10:00:00.000Z",
      );
    });

    it("a duration counts from now", () => {
      expect(dueAt({ type: "expression", expression: 'if urgent then duration("PT2H") else duration("P3D")' }, now, "UTC", { urgent: true })).toBe(
        "2024-03-30T14:00:00.000Z",
      );
      expect(dueAt({ type: "expression", expression: "sla" }, now, "UTC", { sla: "P3D" })).toBe("2024-04-02T12:00:00.000Z");
    });

    it("now() and today() read the event's clock, not the machine's", () => {
      expect(dueAt({ type: "expression", expression: 'now() + duration("P2D")' }, now, "Europe/Berlin")).toBe("2024-04-01T11:00:00.000Z");
      expect(dueAt({ type: "expression", expression: 'today() + duration("P1D")' }, now, "Europe/Berlin")).toBe("2024-03-31T21:59:59.999Z");
    });

    it.each([
      ["a text that is no date", "note", { note: "soon" }, "expected a date, a date-time or a duration"],
      ["nothing", "followUp", {}, "Variable 'followUp' not found"],
      ["an expression that does not parse", "followUp +", {}, "does not parse"],
    ])("%s is an expression.error incident", (_what, expression, data, message) => {
      const run = given(dueBy({ type: "expression", expression })).whenStarted(data);
      expect(run.status).toBe("incident");
      expect(run.created()).toEqual([]);
      expect(run.raised()).toEqual([expect.objectContaining({ code: "expression.error", stepId: "call", message: expect.stringContaining(message) })]);
    });
  });
});
