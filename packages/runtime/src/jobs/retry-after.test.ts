import { describe, expect, it } from "vitest";
import { retryAfter } from "./call-service.ts";

describe("retryAfter", () => {
  const now = Date.parse("2026-03-02T08:00:00.000Z");
  it("reads seconds and HTTP dates as milliseconds from now", () => {
    expect(retryAfter("120", now)).toBe(120_000);
    expect(retryAfter(" 5 ", now)).toBe(5_000);
    expect(retryAfter("Mon, 02 Mar 2026 08:10:00 GMT", now)).toBe(600_000);
  });
  it("ignores what is absent, unreadable, zero or already past", () => {
    for (const header of [null, "", "soon", "-5", "0", "1.5", "Mon, 02 Mar 2026 07:00:00 GMT"]) expect(retryAfter(header, now)).toBeUndefined();
  });
});
