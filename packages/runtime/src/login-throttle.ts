/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one user
 * name (or from one address) within `windowMs`, further attempts are refused
 * until the window has passed, even with the right password. Kept in memory,
 * so each server process counts on its own; a success clears the count.
 */
export type ThrottleOptions = { maxFailures: number; windowMs: number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000 }) {}

  /** Milliseconds until `keys` may try again; 0 when they may now. */
  retryAfter(keys: string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.options.maxFailures) wait = Math.max(wait, recent[0]! + this.options.windowMs - now);
    }
    return wait;
  }

  fail(keys: string[], now: number): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key, now).length === 0) this.failures.delete(key);
  }
}
