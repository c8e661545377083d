import { describe, expect, it } from "vitest";
import { addCalendar, localParts, offsetMs, zonedToEpoch } from "./calendar.ts";

const ms = (iso: string) => Date.parse(iso);
const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({ year, month, day, hour, minute, second: 0, millisecond: 0 });

describe("calendar in a time zone", () => {
  it("reads the wall clock and offset of an instant", () => {
    expect(localParts(ms("2024-03-30T23:30:00.250Z"), "Europe/Berlin")).toEqual({ ...wall(2024, 3, 31, 0, 30), millisecond: 250 });
    expect(offsetMs(ms("2024-01-15T12:00:00Z"), "Europe/Berlin")).toBe(3_600_000);
    expect(offsetMs(ms("2024-07-15T12:00:00Z"), "Europe/Berlin")).toBe(7_200_000);
    expect(offsetMs(ms("2024-07-15T12:00:00Z"), "America/New_York")).toBe(-14_400_000);
  });

  it("finds the instant of a wall-clock time, in winter and summer", () => {
    expect(new Date(zonedToEpoch(wall(2024, 1, 15, 9), "Europe/Berlin")).toISOString()).toBe("2024-01-15T08:00:00.000Z");
    expect(new Date(zonedToEpoch(wall(2024, 7, 15, 9), "Europe/Berlin")).toISOString()).toBe("2024-07-15T07:00:00.000Z");
    expect(new Date(zonedToEpoch(wall(2024, 7, 15, 9), "America/New_York")).toISOString()).toBe("2024-07-15T13:00:00.000Z");
  });

  it("moves a time the spring change skips forward by the gap", () => {
    expect(new Date(zonedToEpoch(wall(2024, 3, 31, 2, 30), "Europe/Berlin")).toISOString()).toBe("2024-03-31T01:30:00.000Z");
  });

  it("adds months with the day clamped to the month, and days across month and year ends", () => {
    expect(addCalendar(wall(2024, 1, 31, 10), 1, 0)).toEqual(wall(2024, 2, 29, 10));
    expect(addCalendar(wall(2023, 1, 31, 10), 1, 0)).toEqual(wall(2023, 2, 28, 10));
    expect(addCalendar(wall(2024, 12, 30), 0, 3)).toEqual(wall(2025, 1, 2));
    expect(addCalendar(wall(2024, 3, 1), -1, -1)).toEqual(wall(2024, 1, 31));
  });

  it("names an unknown zone in its error", () => {
    expect(() => localParts(0, "Nowhere/Land")).toThrow('unknown time zone "Nowhere/Land"');
  });
});
