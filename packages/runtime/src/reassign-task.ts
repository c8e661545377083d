import { and, eq, isNull } from "drizzle-orm";
import { auditEvents, groups, instances, tasks, users, type Database } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import type { Actor } from "./actor.ts";
import { conflict, forbidden, invalidInput, notFound } from "./errors.ts";
import { voteRefusalFor } from "./four-eyes.ts";
import { requireId } from "./ids.ts";
import type { MailSettings } from "./mail-settings.ts";
import { sendNotification } from "./notifications.ts";
import { loadPackage } from "./package-cache.ts";
import { loadTaskSummaries, type TaskSummary } from "./task-views.ts";

/** Who gets the task: a user (by user name), or a group's queue (admins only). */
export type ReassignTarget = { user: string } | { group: string };

export type ReassignInput = { taskId: string; to: ReassignTarget; note?: string | null };

export type ReassignOptions = {
  now?: Date;
  /** Outgoing e-mail, for the notification the new assignee gets. */
  mail?: MailSettings | null;
};

export const REASSIGN_NOTE_MAX = 1000;

/**
 * Handing an open task to someone else, in one transaction:
 *  1. lock the instance row, so the hand-over and a completion of the same
 *     task queue; re-read the task under that lock;
 *  2. check who may: its assignee hands it to another user (a delegation);
 *     an admin moves any open task to a user or to a group's queue;
 *  3. check the target: an active user, or an existing group; not the one
 *     who has it now; and, for an approval vote, someone the four-eyes rule
 *     lets vote on it (nobody is handed a vote they may not cast);
 *  4. change the task (a user keeps its candidate group, so it can still go
 *     back to the queue), append `task.reassigned` with from, to, by whom
 *     and the note, and tell the new assignee (or the group) in the portal's
 *     bell, by e-mail too when configured.
 * The task's draft stays with the task: the new assignee goes on from it.
 */
export async function reassignTask(db: Database, actor: Actor, input: ReassignInput, options: ReassignOptions = {}): Promise<TaskSummary> {
  const now = (options.now ?? new Date()).toISOString();
  requireId(input.taskId, "Task");
  const note = input.note?.trim() ? input.note.trim() : null;
  if (note && note.length > REASSIGN_NOTE_MAX) throw invalidInput(`The note is ${note.length} characters long; keep it to ${REASSIGN_NOTE_MAX}.`);
  const targetName = "user" in input.to ? input.to.user.trim() : input.to.group.trim();
  if (!targetName) throw invalidInput(`Say whom to hand the task to: a user name${actor.role === "admin" ? " or a group key" : ""}.`);

  const [located] = await db.select({ instanceId: tasks.instanceId }).from(tasks).where(eq(tasks.id, input.taskId));
  if (!located) throw notFound(`Task "${input.taskId}"`);

  await db.transaction(async (tx) => {
    const [instance] = await tx.select().from(instances).where(eq(instances.id, located.instanceId)).for("update");
    const [task] = await tx
      .select({ task: tasks, assignee: users.username, assigneeName: users.displayName, group: groups.key })
      .from(tasks)
      .leftJoin(users, eq(users.id, tasks.assigneeId))
      .leftJoin(groups, eq(groups.id, tasks.candidateGroupId))
      .where(eq(tasks.id, input.taskId));
    if (!instance || !task) throw notFound(`Task "${input.taskId}"`);
    const t = task.task;
    const isAdmin = actor.role === "admin";
    const isAssignee = t.assigneeId === actor.userId;
    // "Not yours to see" answers as "not found", as everywhere tasks are read.
    if (!isAdmin && !isAssignee && t.completedBy !== actor.userId && !actor.groups.some((g) => g.id === t.candidateGroupId)) throw notFound(`Task "${input.taskId}"`);
    if (t.status !== "open") throw conflict(`"${t.name}" is already ${t.status}; it can no longer be handed over.`);
    if (!isAdmin && !isAssignee) {
      throw forbidden(
        t.assigneeId
          ? `"${t.name}" is assigned to ${task.assigneeName}; only they or an admin may hand it over.`
          : `"${t.name}" is waiting in its group's queue; claim it before you hand it over.`,
      );
    }

    const from = { assignee: task.assignee, candidateGroup: task.group };
    let change: { assigneeId: string | null; candidateGroupId?: string };
    let to: { assignee: string | null; candidateGroup: string | null };
    let recipients: { users: string[]; groups: string[] };
    if ("user" in input.to) {
      const [user] = await tx.select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled }).from(users).where(eq(users.username, targetName));
      if (!user) throw invalidInput(`"${t.name}" cannot be handed to "${targetName}": there is no such user in Baton.`);
      if (user.disabled) throw invalidInput(`"${t.name}" cannot be handed to ${user.displayName} (${user.username}): that user is disabled.`);
      if (user.id === t.assigneeId) throw invalidInput(`"${t.name}" is already assigned to ${user.displayName}.`);
      const pkg = await loadPackage(tx, instance.packageVersionId);
      const refusal = voteRefusalFor(pkg.definition, instance.state as InstanceState, t, user.username, user.displayName);
      if (refusal) throw forbidden(`"${t.name}" cannot be handed to ${user.displayName}: ${refusal}`);
      change = { assigneeId: user.id };
      to = { assignee: user.username, candidateGroup: task.group };
      recipients = { users: [user.username], groups: [] };
    } else {
      if (!isAdmin) throw forbidden(`Only an admin may put "${t.name}" into a group's queue; hand it to a person, or give it back to its own group.`);
      const [group] = await tx.select({ id: groups.id, key: groups.key }).from(groups).where(eq(groups.key, targetName));
      if (!group) throw invalidInput(`"${t.name}" cannot be put into the queue of "${targetName}": there is no such group in Baton.`);
      if (t.assigneeId === null && t.candidateGroupId === group.id) throw invalidInput(`"${t.name}" is already waiting in the queue of ${group.key}.`);
      change = { assigneeId: null, candidateGroupId: group.id };
      to = { assignee: null, candidateGroup: group.key };
      recipients = { users: [], groups: [group.key] };
    }

    // Guarded by who had it: a claim, release or hand-over in between (outside the instance lock) makes this one stale.
    const moved = await tx
      .update(tasks)
      .set(change)
      .where(and(eq(tasks.id, t.id), eq(tasks.status, "open"), t.assigneeId ? eq(tasks.assigneeId, t.assigneeId) : isNull(tasks.assigneeId)))
      .returning({ id: tasks.id });
    if (!moved[0]) throw conflict(`"${t.name}" changed hands a moment ago; reload it and try again.`);
    const reason = isAssignee ? "delegated by the assignee" : "reassigned by an admin";
    await tx.insert(auditEvents).values({
      instanceId: instance.id,
      taskId: t.id,
      actorId: actor.userId,
      type: "task.reassigned",
      data: { stepId: t.stepId, from, to, by: actor.username, reason, note },
      at: now,
    });
    const subject = to.assignee ? `${actor.displayName} handed "${t.name}" to you` : `${actor.displayName} put "${t.name}" into your group's queue`;
    await sendNotification(tx, { ...recipients, instanceId: instance.id, taskId: t.id, kind: "assignment", subject, message: note ?? "", at: now }, { mail: options.mail });
  });
  // Whoever handed it away may no longer see it by the usual rule; they may still see what they did.
  const [summary] = await loadTaskSummaries(db, actor, eq(tasks.id, input.taskId), "everyone");
  return summary!;
}
