import { and, eq } from "drizzle-orm";
import { groups, tasks, users, type Database } from "@baton/db";
import type { EngineCommand } from "@baton/engine";
import type { ApplyContext, Audit } from "./apply-commands.ts";
import { sendNotification } from "./notifications.ts";

type Escalate = Extract<EngineCommand, { type: "escalateTask" }>;
type Note = (stepId: string, message: string, taskId?: string) => Promise<void>;

/**
 * One escalation level of a late task, as the engine asked for it:
 * - `remind`: a reminder to whoever has the task now (its assignee, or its
 *   group while nobody has claimed it);
 * - `notify`: an alert to the level's recipient;
 * - `reassign`: the task moves to the recipient (a user, or back to a
 *   group's queue), who is told.
 * Every level is audited on the task. A recipient Baton does not know is
 * noted as an incident; the task stays where it is.
 */
export async function applyEscalation(tx: Database, ctx: ApplyContext, command: Escalate, audit: Audit, note: Note): Promise<void> {
  const [task] = await tx
    .select({
      id: tasks.id,
      name: tasks.name,
      status: tasks.status,
      dueAt: tasks.dueAt,
      assignee: users.username,
      group: groups.key,
    })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .leftJoin(groups, eq(groups.id, tasks.candidateGroupId))
    .where(and(eq(tasks.instanceId, ctx.instanceId), eq(tasks.tokenId, command.tokenId)));
  // The engine only escalates waiting tasks; a task closed meanwhile needs nothing.
  if (!task || task.status !== "open") return;

  const send = async (to: { users: string[]; groups: string[] }, kind: "reminder" | "escalation", subject: string) => {
    const sent = await sendNotification(tx, { ...to, instanceId: ctx.instanceId, taskId: task.id, kind, subject, message: command.message ?? "", at: ctx.now }, { mail: ctx.mail });
    if (sent.unknown.length) await note(command.stepId, `Escalation level ${command.level} of "${task.name}" could not reach ${sent.unknown.join(", ")}: not in Baton.`, task.id);
    return sent.recipients;
  };
  const toLists = (to: { assignee: string | null; candidateGroup: string | null }) => ({
    users: to.assignee ? [to.assignee] : [],
    groups: !to.assignee && to.candidateGroup ? [to.candidateGroup] : [],
  });

  let recipients: string[] = [];
  switch (command.action) {
    case "remind":
      recipients = await send(toLists({ assignee: task.assignee, candidateGroup: task.group }), "reminder", `Reminder: "${task.name}" is due`);
      break;
    case "notify":
      if (command.to) recipients = await send(toLists(command.to), "escalation", `"${task.name}" is overdue`);
      break;
    case "reassign": {
      if (!command.to) break;
      const moved = await reassign(tx, task.id, command.to);
      if (!moved.ok) {
        await note(command.stepId, `Escalation level ${command.level} could not hand "${task.name}" to ${moved.missing}: not in Baton; it stays where it is.`, task.id);
        break;
      }
      await audit("task.reassigned", { stepId: command.stepId, from: { assignee: task.assignee, candidateGroup: task.group }, to: command.to, reason: `escalation level ${command.level}` }, task.id);
      recipients = await send(toLists(command.to), "escalation", `"${task.name}" is overdue and now yours`);
      break;
    }
  }
  await tx.update(tasks).set({ escalationLevel: command.level }).where(eq(tasks.id, task.id));
  await audit("task.escalated", { stepId: command.stepId, level: command.level, action: command.action, recipients }, task.id);
}

async function reassign(tx: Database, taskId: string, to: { assignee: string | null; candidateGroup: string | null }): Promise<{ ok: true } | { ok: false; missing: string }> {
  if (to.assignee) {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, to.assignee));
    if (!user) return { ok: false, missing: `user "${to.assignee}"` };
    await tx.update(tasks).set({ assigneeId: user.id }).where(eq(tasks.id, taskId));
    return { ok: true };
  }
  if (to.candidateGroup) {
    const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.key, to.candidateGroup));
    if (!group) return { ok: false, missing: `group "${to.candidateGroup}"` };
    // Back to a queue: unclaimed, for the group's members to take.
    await tx.update(tasks).set({ assigneeId: null, candidateGroupId: group.id }).where(eq(tasks.id, taskId));
    return { ok: true };
  }
  return { ok: false, missing: "nobody" };
}
