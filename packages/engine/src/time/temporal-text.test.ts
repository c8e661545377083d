import { describe, expect, it } from "vitest";
import { dateTimeToEpoch, parseTemporalText } from "./temporal-text.ts";

function instant(text: string, zone = "UTC"): string {
  const parsed = parseTemporalText(text);
  if (parsed?.kind !== "dateTime") throw new Error(`${text} is not a date-time`);
  return new Date(dateTimeToEpoch(parsed, zone)).toISOString();
}

describe("dates and date-times as text", () => {
  it("tells a date from a date-time", () => {
    expect(parseTemporalText("2024-04-05")).toEqual({ kind: "date", local: { year: 2024, month: 4, day: 5, hour: 0, minute: 0, second: 0, millisecond: 0 } });
    expect(parseTemporalText("2024-04-05T10:00")?.kind).toBe("dateTime");
  });

  it("reads offsets, named zones and wall-clock times", () => {
    expect(instant("2024-04-05T10:00:00Z")).toBe("2024-04-05T10:00:00.000Z");
    expect(instant("2024-04-05T10:00:00.5+02:00")).toBe("2024-04-05T08:00:00.500Z");
    expect(instant("2024-04-05T10:00:00-0530")).toBe("2024-04-05T15:30:00.000Z");
    expect(instant("2024-04-05T10:00:00@Europe/Berlin")).toBe("2024-04-05T08:00:00.000Z");
    expect(instant("2024-04-05T10:00:00", "Europe/Berlin")).toBe("2024-04-05T08:00:00.000Z");
  });

  it.each(["2024-02-30", "2024-13-01", "2024-04-05T25:00", "05.04.2024", "tomorrow", "2024-04-05 10:00"])("refuses %j", (text) => {
    expect(parseTemporalText(text)).toBeNull();
  });
});
