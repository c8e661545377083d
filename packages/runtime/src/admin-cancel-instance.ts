import { eq } from "drizzle-orm";
import { instances, packageVersions, type Database } from "@baton/db";
import { requireRole, type Actor } from "./actor.ts";
import { cancelInstance } from "./child-instances.ts";
import { conflict, invalidInput, notFound } from "./errors.ts";
import { requireId } from "./ids.ts";
import { lockInstance } from "./lock-instance.ts";
import { instanceTitle } from "./task-views.ts";

/**
 * An admin stops a running instance for good, with a reason, in one
 * transaction: the instance is locked the way every step locks it
 * (lock-instance.ts, callers first), then cancelled with everything it
 * runs (child-instances.ts `cancelInstance`): open tasks leave the inboxes
 * and their drafts go, pending timers and service calls are dropped (one a
 * worker holds right now finds the instance no longer waiting), message
 * subscriptions and open incidents close, and every instance it called is
 * cancelled too. The protocol says who cancelled it and why.
 *
 * Refused: an instance that has ended, and one a call activity started:
 * its caller waits for it, so cancelling only the called one would leave
 * the caller waiting for ever; the admin cancels the caller instead.
 */
export const CANCEL_REASON_MAX = 500;

export type AdminCancelInput = { instanceId: string; reason: string };
/** `cancelled`: the ids of every instance that was cancelled, this one first, then those it called. */
export type AdminCancelResult = { instanceId: string; cancelled: string[] };

export async function cancelInstanceAsAdmin(db: Database, actor: Actor, input: AdminCancelInput, options: { now?: Date } = {}): Promise<AdminCancelResult> {
  requireRole(actor, ["admin"], "cancel instances");
  const reason = cancelReason(input.reason);
  const instanceId = requireId(input.instanceId, "Instance");
  const now = (options.now ?? new Date()).toISOString();
  return db.transaction(async (tx) => {
    const instance = await lockInstance(tx, instanceId);
    if (!instance) throw notFound(`Instance "${input.instanceId}"`);
    if (instance.status === "completed" || instance.status === "cancelled") {
      throw conflict(`${await titleOf(tx, instance.id)} has already ended (${instance.status}); there is nothing left to cancel.`);
    }
    if (instance.parentInstanceId) {
      const caller = await titleOf(tx, instance.parentInstanceId);
      throw conflict(
        `${await titleOf(tx, instance.id)} was started by "${caller}" (instance ${instance.parentInstanceId}), which waits for it. Cancel "${caller}" instead: that cancels this one too.`,
      );
    }
    const cancelled = await cancelInstance(tx, instanceId, { reason, actorId: actor.userId, now, cancelledBy: actor.username });
    return { instanceId, cancelled };
  });
}

/** The reason, trimmed: required, at most CANCEL_REASON_MAX characters. */
export function cancelReason(value: unknown): string {
  const reason = typeof value === "string" ? value.trim() : "";
  if (!reason) throw invalidInput("Give a reason for cancelling: the people who started or work on the request will read it.");
  if (reason.length > CANCEL_REASON_MAX) throw invalidInput(`The reason is ${reason.length} characters long; keep it to ${CANCEL_REASON_MAX}.`);
  return reason;
}

async function titleOf(tx: Database, instanceId: string): Promise<string> {
  const [row] = await tx
    .select({ number: instances.number, title: instances.title, name: packageVersions.name })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .where(eq(instances.id, instanceId));
  return row ? instanceTitle(row.name, row.number, row.title) : `Instance ${instanceId}`;
}
