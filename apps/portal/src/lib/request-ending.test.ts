import { describe, expect, it } from "vitest";
import { cancellationOf, describeCancellation } from "./request-ending.ts";

describe("a cancelled request in words", () => {
  const at = "2026-12-07T15:30:00.000Z";

  it("says who cancelled it, when and why, from the last cancellation in the protocol", () => {
    const audit = [
      { type: "instance.started", actor: "dana", at: "2026-12-07T09:00:00.000Z", data: {} },
      { type: "task.cancelled", actor: "admin", at, data: { reason: "Sent twice" } },
      { type: "instance.cancelled", actor: "admin", actorName: "Ada Admin", at, data: { reason: " Sent twice ", cancelledBy: "admin" } },
    ];
    const cancelled = cancellationOf(audit);
    expect(cancelled).toEqual({ by: "Ada Admin", at, reason: "Sent twice" });
    expect(cancellationOf([{ ...audit[2]!, actorName: null }])?.by).toBe("admin");
    expect(describeCancellation(cancelled!, "en-GB")).toMatch(/^This request was cancelled by Ada Admin on 7 Dec 2026, \d\d:30: “Sent twice”\. Nothing more will happen on it\.$/);
  });

  it("reads well without a person or a reason, and finds nothing on a request that was not cancelled", () => {
    expect(describeCancellation({ by: null, at, reason: null }, "en-GB")).toMatch(/^This request was cancelled on 7 Dec 2026, \d\d:30\. Nothing more/);
    expect(describeCancellation({ by: "admin", at, reason: "The client solved it." }, "en-GB")).toMatch(/: “The client solved it\.” Nothing more will happen on it\.$/);
    expect(cancellationOf([{ type: "instance.completed", actor: null, at }])).toBeNull();
  });
});
