import { describe, expect, it } from "vitest";
import { describeDue } from "./due-date.ts";

// Local-time constructors, so the expectations hold in any time zone.
const now = new Date(2025, 2, 12, 14, 30); // Wed 12 Mar 2025, 14:30

describe("describeDue", () => {
  it("says 'due today' for later today", () => {
    expect(describeDue(new Date(2025, 2, 12, 17, 0), now, "en-GB")).toMatchObject({
      label: "due today",
      tone: "today",
    });
  });

  it("counts calendar days, not 24-hour periods", () => {
    expect(describeDue(new Date(2025, 2, 13, 8, 0), now, "en-GB").label).toBe("due tomorrow");
    expect(describeDue(new Date(2025, 2, 15, 9, 0), now, "en-GB").label).toBe("due in 3 days");
  });

  it("is overdue by whole days, singular and plural", () => {
    const one = describeDue(new Date(2025, 2, 11, 23, 0), now, "en-GB");
    expect(one).toMatchObject({ label: "overdue by 1 day", tone: "overdue" });
    expect(describeDue(new Date(2025, 2, 10, 9, 0), now, "en-GB").label).toBe("overdue by 2 days");
  });

  it("is overdue since a time when it passed earlier today", () => {
    expect(describeDue(new Date(2025, 2, 12, 9, 5), now, "en-GB")).toMatchObject({
      label: "overdue since 09:05",
      tone: "overdue",
    });
  });

  it("names the date a week or more ahead, with the year only when it differs", () => {
    expect(describeDue(new Date(2025, 2, 20, 9, 0), now, "en-GB").label).toBe("due on 20 Mar");
    expect(describeDue(new Date(2026, 0, 5, 9, 0), now, "en-GB").label).toBe("due on 5 Jan 2026");
  });

  it("gives the exact moment for the tooltip", () => {
    // ICU versions differ on the comma after the weekday.
    expect(describeDue(new Date(2025, 2, 14, 17, 0), now, "en-GB").exact).toMatch(
      /^Friday,? 14 March 2025 at 17:00$/,
    );
  });

  it("accepts ISO strings and refuses garbage with a clear error", () => {
    expect(describeDue(new Date(2025, 2, 12, 18, 0).toISOString(), now, "en-GB").label).toBe("due today");
    expect(() => describeDue("next week", now)).toThrow(/"next week" is not a date/);
  });
});
