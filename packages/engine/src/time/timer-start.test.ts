import { describe, expect, it } from "vitest";
import { nextTimerStart } from "./timer-start.ts";

const now = "2025-03-10T12:00:00.000Z";

describe("nextTimerStart", () => {
  it("starts an hourly process one hour after it became active, then every hour from the last time", () => {
    const first = nextTimerStart({ type: "cycle", cycle: "R/PT1H" }, now, "UTC");
    expect(first).toEqual({ dueAt: "2025-03-10T13:00:00.000Z", fired: 0 });
    expect(nextTimerStart({ type: "cycle", cycle: "R/PT1H" }, "2025-03-10T13:00:00.200Z", "UTC", first!)).toEqual({ dueAt: "2025-03-10T14:00:00.000Z", fired: 1 });
  });

  it("stops after as many times as the cycle says", () => {
    const timer = { type: "cycle" as const, cycle: "R2/P1D" };
    const first = nextTimerStart(timer, now, "UTC")!;
    const second = nextTimerStart(timer, first.dueAt, "UTC", first)!;
    expect(second).toEqual({ dueAt: "2025-03-12T12:00:00.000Z", fired: 1 });
    expect(nextTimerStart(timer, second.dueAt, "UTC", second)).toBeNull();
  });

  it("begins at a first time, skipping those that passed before, and keeps the wall-clock time across summer time", () => {
    const timer = { type: "cycle" as const, cycle: "R/2025-03-01T08:00:00+01:00/P7D" };
    // 1 March, 8 March are past; 15 March at 08:00 Berlin.
    const first = nextTimerStart(timer, now, "Europe/Berlin")!;
    expect(first).toEqual({ dueAt: "2025-03-15T07:00:00.000Z", fired: 2 });
    // Summer time begins on 30 March: 08:00 in Berlin is then 06:00 UTC.
    const weeks = [first];
    for (let i = 0; i < 3; i++) weeks.push(nextTimerStart(timer, weeks.at(-1)!.dueAt, "Europe/Berlin", weeks.at(-1)!)!);
    expect(weeks.at(-1)!.dueAt).toBe("2025-04-05T06:00:00.000Z");
  });

  it("skips the times a stopped server missed instead of starting them all at once", () => {
    const timer = { type: "cycle" as const, cycle: "R/PT1H" };
    const next = nextTimerStart(timer, "2025-03-10T17:30:00.000Z", "UTC", { dueAt: "2025-03-10T13:00:00.000Z", fired: 0 });
    expect(next).toEqual({ dueAt: "2025-03-10T18:00:00.000Z", fired: 5 });
  });

  it("starts once at a date still to come, never at one that has passed", () => {
    const timer = { type: "date" as const, date: "2025-04-01T09:00:00Z" };
    const once = nextTimerStart(timer, now, "UTC");
    expect(once).toEqual({ dueAt: "2025-04-01T09:00:00.000Z", fired: 0 });
    expect(nextTimerStart(timer, once!.dueAt, "UTC", once!)).toBeNull();
    expect(nextTimerStart({ type: "date", date: "2025-01-01T00:00:00Z" }, now, "UTC")).toBeNull();
  });

  it("gives nothing for a cycle it cannot read", () => {
    expect(nextTimerStart({ type: "cycle", cycle: "every hour" }, now, "UTC")).toBeNull();
  });
});
