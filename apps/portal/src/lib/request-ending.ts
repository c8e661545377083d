import { formatDateTime } from "./format-date.ts";

/**
 * How a request that will not go on ended, in words for its page: who
 * cancelled it (their name), when and why, read from its protocol (`instance.cancelled`,
 * the last one: an admin's, or its caller's when a connected request was
 * cancelled). Pure.
 */
export type AuditEntry = { type: string; actor: string | null; actorName?: string | null; at: string; data?: unknown };
export type Cancellation = { by: string | null; at: string; reason: string | null };

export function cancellationOf(audit: AuditEntry[]): Cancellation | null {
  const event = audit.findLast((e) => e.type === "instance.cancelled");
  if (!event) return null;
  const reason = (event.data as { reason?: unknown } | undefined)?.reason;
  return { by: event.actorName ?? event.actor, at: event.at, reason: typeof reason === "string" && reason.trim() ? reason.trim() : null };
}

/** "This request was cancelled by admin on 7 Dec 2026, 15:30: “Sent twice”. Nothing more will happen on it."
 * (a reason that ends with its own full stop gets none after the quote). */
export function describeCancellation(c: Cancellation, locale?: string): string {
  const who = c.by ? ` by ${c.by}` : "";
  // A reason that ends a sentence of its own needs no second full stop after the quote.
  const why = c.reason ? `: “${c.reason}”${/[.!?]$/.test(c.reason) ? "" : "."}` : ".";
  return `This request was cancelled${who} on ${formatDateTime(c.at, locale)}${why} Nothing more will happen on it.`;
}
