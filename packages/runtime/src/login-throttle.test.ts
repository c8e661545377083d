import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle.ts";

describe("login throttle", () => {
  const t0 = 1_000_000;

  it("refuses after the fifth failure until the window has passed", () => {
    const throttle = new LoginThrottle({ maxFailures: 5, windowMs: 60_000 });
    for (let i = 0; i < 4; i++) throttle.fail(["user:sam"], t0 + i);
    expect(throttle.retryAfter(["user:sam"], t0 + 10)).toBe(0);
    throttle.fail(["user:sam"], t0 + 5);
    expect(throttle.retryAfter(["user:sam"], t0 + 10)).toBe(60_000 - 10);
    expect(throttle.retryAfter(["user:sam"], t0 + 60_001)).toBe(0);
  });

  it("counts by every key given (user name and address) and forgets on success", () => {
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 60_000 });
    throttle.fail(["user:a", "ip:1"], t0);
    throttle.fail(["user:b", "ip:1"], t0);
    expect(throttle.retryAfter(["user:c", "ip:1"], t0)).toBeGreaterThan(0);
    expect(throttle.retryAfter(["user:c", "ip:2"], t0)).toBe(0);
    throttle.succeed(["ip:1"]);
    expect(throttle.retryAfter(["user:c", "ip:1"], t0)).toBe(0);
  });
});
