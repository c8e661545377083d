import { describe, expect, it } from "vitest";
import { isIsoInstant, parseStartCycle } from "./start-cycle.ts";

describe("parseStartCycle", () => {
  it("reads a cycle with or without its first time", () => {
    expect(parseStartCycle("R/PT1H")).toEqual({ times: null, every: "PT1H", first: null });
    expect(parseStartCycle("R3/2025-01-06T08:00:00+01:00/P7D")).toEqual({ times: 3, every: "P7D", first: "2025-01-06T07:00:00.000Z" });
  });

  it("refuses what is not a repetition", () => {
    for (const text of ["PT1H", "R/tomorrow/PT1H", "R0/PT1H", "R/2025-01-06/P1D", "R/2025-01-06T08:00:00Z/soon"]) expect(parseStartCycle(text)).toBeNull();
  });

  it("knows an instant with a zone from a date or a local time", () => {
    expect(isIsoInstant("2025-01-06T08:00:00Z")).toBe(true);
    expect(isIsoInstant("2025-01-06T08:00")).toBe(false);
    expect(isIsoInstant("2025-13-45T08:00:00Z")).toBe(false);
  });
});
