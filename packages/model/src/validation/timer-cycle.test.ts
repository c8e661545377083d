import { describe, expect, it } from "vitest";
import { parseTimerCycle } from "./timer-cycle.ts";

describe("parseTimerCycle", () => {
  it("reads a count and a duration, or no count for an endless cycle", () => {
    expect(parseTimerCycle("R3/PT1H")).toEqual({ times: 3, every: "PT1H" });
    expect(parseTimerCycle(" R/P1D ")).toEqual({ times: null, every: "P1D" });
  });

  it("refuses what is not a repetition of a duration", () => {
    for (const text of ["PT1H", "R0/PT1H", "R3/", "R3/tomorrow", "R3/2024-01-01T00:00:00Z/PT1H", "r3/PT1H"]) expect(parseTimerCycle(text)).toBeNull();
  });
});
