import { describe, expect, it } from "vitest";
import { describeAge } from "./describe-age.ts";

describe("describeAge", () => {
  const now = new Date("2026-03-02T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it("reads as a person would say it, in English", () => {
    expect(describeAge(ago(20), now, "en")).toBe("just now");
    expect(describeAge(ago(60), now, "en")).toBe("1 minute ago");
    expect(describeAge(ago(59 * 60), now, "en")).toBe("59 minutes ago");
    expect(describeAge(ago(3 * 3600 + 5), now, "en")).toBe("3 hours ago");
    expect(describeAge(ago(30 * 3600), now, "en")).toBe("yesterday");
    expect(describeAge(ago(5 * 86_400), now, "en-GB")).toMatch(/^25 Feb 2026, \d{2}:\d{2}$/);
  });

  it("follows the locale and refuses what is not a date", () => {
    expect(describeAge(ago(120), now, "de")).toBe("vor 2 Minuten");
    expect(() => describeAge("soon", now)).toThrow('describeAge: "soon" is not a date');
  });
});
