import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { instances, packageVersions, tasks, users, type Database } from "@baton/db";
import { requireRole, type Actor } from "./actor.ts";
import { cancelInstance } from "./child-instances.ts";
import { conflict, invalidInput, notFound } from "./errors.ts";
import { requireId } from "./ids.ts";
import { lockInstance } from "./lock-instance.ts";
import type { MailSettings } from "./mail-settings.ts";
import { sendNotification } from "./notifications.ts";
import { instanceTitle } from "./task-views.ts";

/**
 * An admin stops a running instance for good, with a reason, in one
 * transaction: the instance is locked the way every step locks it
 * (lock-instance.ts, callers first), then cancelled with everything it
 * runs (child-instances.ts `cancelInstance`): open tasks leave the inboxes
 * and their drafts go, pending timers and service calls are dropped (one a
 * worker holds right now finds the instance no longer waiting), message
 * subscriptions and open incidents close, and every instance it called is
 * cancelled too. The protocol says who cancelled it and why, and its
 * starter and the people whose tasks went are told (in the portal, and by
 * e-mail with `mail`), the admin who cancelled it excepted.
 *
 * Refused: an instance that has ended, and one a call activity started:
 * its caller waits for it, so cancelling only the called one would leave
 * the caller waiting for ever; the admin cancels the caller instead.
 */
export const CANCEL_REASON_MAX = 500;

export type AdminCancelInput = { instanceId: string; reason: string };
/** `cancelled`: the ids of every instance that was cancelled, this one first, then those it called. */
export type AdminCancelResult = { instanceId: string; cancelled: string[] };

export async function cancelInstanceAsAdmin(db: Database, actor: Actor, input: AdminCancelInput, options: { now?: Date; mail?: MailSettings | null } = {}): Promise<AdminCancelResult> {
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
    const title = await titleOf(tx, instanceId);
    await sendNotification(
      tx,
      { users: (await peopleOf(tx, instance.startedBy, cancelled, now)).filter((u) => u !== actor.username), groups: [], instanceId, kind: "cancelled", subject: `${title} was cancelled`, message: `${actor.displayName}: ${reason}`, at: now },
      { mail: options.mail },
    );
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

/** The starter's user name, and those of the people whose tasks the cancellation took away. */
async function peopleOf(tx: Database, starterId: string, cancelled: string[], now: string): Promise<string[]> {
  const [starter] = await tx.select({ username: users.username }).from(users).where(eq(users.id, starterId));
  const assignees = await tx
    .select({ username: users.username })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(inArray(tasks.instanceId, cancelled), eq(tasks.status, "cancelled"), eq(tasks.completedAt, now), isNotNull(tasks.assigneeId)));
  return [...new Set([...(starter ? [starter.username] : []), ...assignees.map((a) => a.username)])];
}

async function titleOf(tx: Database, instanceId: string): Promise<string> {
  const [row] = await tx
    .select({ number: instances.number, title: instances.title, name: packageVersions.name })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .where(eq(instances.id, instanceId));
  return row ? instanceTitle(row.name, row.number, row.title) : `Instance ${instanceId}`;
}
