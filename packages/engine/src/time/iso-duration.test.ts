import { describe, expect, it } from "vitest";
import { addIsoDuration, parseIsoDuration } from "./iso-duration.ts";

describe("ISO 8601 durations", () => {
  it("parses the forms a due rule uses", () => {
    expect(parseIsoDuration("P2DT3H4M5.5S")).toEqual({ sign: 1, years: 0, months: 0, weeks: 0, days: 2, hours: 3, minutes: 4, seconds: 5.5 });
    expect(parseIsoDuration("P1W")).toMatchObject({ weeks: 1 });
    expect(parseIsoDuration("P1Y2M")).toMatchObject({ years: 1, months: 2 });
    expect(parseIsoDuration("-PT15M")).toMatchObject({ sign: -1, minutes: 15 });
  });

  it.each(["", "P", "PT", "2D", "P2H", "PT2D", "P1.5D", "4 hours", "P-1D"])("refuses %j", (text) => {
    expect(parseIsoDuration(text)).toBeNull();
  });

  it("adds calendar units on the wall clock and time units exactly", () => {
    const start = Date.parse("2024-10-26T10:00:00Z"); // 12:00 CEST, the day before clocks go back
    const add = (text: string, zone: string) => new Date(addIsoDuration(start, parseIsoDuration(text)!, zone)).toISOString();
    expect(add("P1D", "Europe/Berlin")).toBe("2024-10-27T11:00:00.000Z");
    expect(add("PT24H", "Europe/Berlin")).toBe("2024-10-27T10:00:00.000Z");
    expect(add("P1D", "UTC")).toBe("2024-10-27T10:00:00.000Z");
    expect(add("-PT30M", "UTC")).toBe("2024-10-26T09:30:00.000Z");
  });
});
