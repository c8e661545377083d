import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./format-time.ts";

const now = new Date(2026, 2, 10, 15, 0, 0); // 10 March 2026, 15:00 local
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("formatRelativeTime", () => {
  it("says just now for the last few seconds", () => {
    expect(formatRelativeTime(ago(10_000), now)).toBe("just now");
  });
  it("counts minutes and hours within the same day", () => {
    expect(formatRelativeTime(ago(60_000), now)).toBe("1 minute ago");
    expect(formatRelativeTime(ago(25 * 60_000), now)).toBe("25 minutes ago");
    expect(formatRelativeTime(ago(3 * 3_600_000), now)).toBe("3 hours ago");
  });
  it("says yesterday for the day before, then days, then a date", () => {
    expect(formatRelativeTime(new Date(2026, 2, 9, 20, 0).toISOString(), now)).toBe("yesterday");
    expect(formatRelativeTime(new Date(2026, 2, 7, 12, 0).toISOString(), now)).toBe("3 days ago");
    expect(formatRelativeTime(new Date(2026, 0, 5, 12, 0).toISOString(), now)).toBe("5 Jan");
    expect(formatRelativeTime(new Date(2025, 0, 5, 12, 0).toISOString(), now)).toBe("5 Jan 2025");
  });
  it("does not crash on a bad date", () => {
    expect(formatRelativeTime("not a date", now)).toBe("unknown time");
  });
});
