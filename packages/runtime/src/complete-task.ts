import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { taskDrafts, tasks, type Database } from "@baton/db";
import { step, type InstanceState } from "@baton/engine";
import type { Actor } from "./actor.ts";
import { applyCommands } from "./apply-commands.ts";
import { engineEnv } from "./engine-env.ts";
import type { MailSettings } from "./mail-settings.ts";
import { voteRefusalFor } from "./four-eyes.ts";
import { linkAttachments } from "./attachments.ts";
import { conflict, forbidden, notFound } from "./errors.ts";
import { checkDirectoryValues } from "./directory-values.ts";
import { checkFormData } from "./form-data.ts";
import { lockInstance } from "./lock-instance.ts";
import { loadPackage } from "./package-cache.ts";
import { instanceStateWrite } from "./step-instance.ts";
import { HeldWrites } from "./held-writes.ts";
import { requireId } from "./ids.ts";
import { reusedQuery, UNNAMED } from "./reused-query.ts";
import { loadTaskSummaries, type TaskSummary } from "./task-views.ts";

/**
 * Completing a task is one transaction (ARCHITECTURE.md, step 6):
 *  1. lock the instance row (FOR UPDATE), so steps of one instance queue;
 *  2. re-read the task under that lock and check the actor may complete it
 *     (open, assigned to them) — a second, concurrent completion finds it
 *     completed and is refused;
 *  3. validate the data against the published form's JSON Schema, and
 *     tie the files it names to the instance (`attachments.ts`);
 *  4. run the engine step (it applies the step's output mapping);
 *  5. apply the engine's commands (new tasks, audit of decisions and
 *     variable changes); the task's submission is stored with the first
 *     of them that may carry it, or before any that might read it;
 *  6. store the new state, delete the task's draft and write the audit
 *     log (`task.completed` first, then the commands' events), in one
 *     statement that also answers the new tasks as the actor sees them.
 * Writes that need no answer are held and ride along with a later
 * statement (held-writes.ts), so a completion that creates one task takes
 * six statements: begin, lock, read the task, insert, store, commit.
 * Any failure rolls all of it back; the draft is then still there.
 */
/** The points of the completion transaction, in order (see above). */
export const COMPLETION_POINTS = ["instance-locked", "data-validated", "engine-stepped", "commands-applied", "completion-stored"] as const;
export type CompletionPoint = (typeof COMPLETION_POINTS)[number];

export type CompleteOptions = {
  now?: Date;
  /** Test seam: called inside the transaction at each point; a throw rolls all back. */
  checkpoint?: (point: CompletionPoint) => void | Promise<void>;
  /** Outgoing e-mail, for the notifications this completion sends. */
  mail?: MailSettings | null;
};

export type CompleteResult = { instanceId: string; instanceStatus: InstanceState["status"]; next: TaskSummary[] };

export async function completeTask(
  db: Database,
  actor: Actor,
  input: { taskId: string; data: unknown },
  options: CompleteOptions = {},
): Promise<CompleteResult> {
  const now = (options.now ?? new Date()).toISOString();
  const taskId = requireId(input.taskId, "Task");
  const checkpoint = async (point: CompletionPoint) => options.checkpoint?.(point);
  return db.transaction(async (tx) => {
    // The task's instance, locked in the same round trip that finds it; the task is read after the lock.
    // With the instances that called it, callers first (lock-instance.ts).
    const instance = await lockInstance(tx, { taskId });
    const readTask = reusedQuery(tx, "task-by-id", () => tx.select().from(tasks).where(eq(tasks.id, sql.placeholder("id"))).prepare(UNNAMED));
    const [task] = instance ? await readTask.execute({ id: taskId }) : [];
    if (!instance || !task) throw notFound(`Task "${input.taskId}"`);
    await checkpoint("instance-locked");
    const isAssignee = task.assigneeId === actor.userId;
    const inGroup = actor.groups.some((g) => g.id === task.candidateGroupId);
    if (!isAssignee && !inGroup && actor.role !== "admin") throw notFound(`Task "${input.taskId}"`);
    if (task.status !== "open") throw conflict(`"${task.name}" was already ${task.status}${task.completedBy === actor.userId ? " by you" : ""}; nothing was changed.`);
    if (!isAssignee) {
      throw forbidden(task.assigneeId ? `"${task.name}" is assigned to someone else.` : `Claim "${task.name}" before completing it.`);
    }

    const pkg = await loadPackage(tx, instance.packageVersionId);
    const refusal = voteRefusalFor(pkg.definition, instance.state as InstanceState, task, actor.username);
    if (refusal) throw forbidden(refusal);
    // Rules (visible-if, required-if, options from a variable) read the variables as they are now.
    const data = checkFormData(pkg.forms[task.stepId], input.data, `"${task.name}"`, instance.variables as Record<string, unknown>);
    await checkDirectoryValues(tx, pkg.forms[task.stepId], data, `"${task.name}"`);
    await linkAttachments(tx, actor, pkg.forms[task.stepId], data, { target: { taskId: task.id }, instanceId: instance.id, where: `"${task.name}"` });
    await checkpoint("data-validated");

    const result = step(
      pkg.definition,
      instance.state as InstanceState,
      { type: "taskCompleted", tokenId: task.tokenId, data, completedBy: actor.username },
      await engineEnv(tx, pkg.definition, now),
    );
    await checkpoint("engine-stepped");

    const held = new HeldWrites();
    held.hold(tx.update(tasks).set({ status: "completed", completedAt: now, completedBy: actor.userId, submitted: data }).where(eq(tasks.id, task.id)));
    const completed = { type: "task.completed", data: { stepId: task.stepId, data }, taskId: task.id };
    const applied = await applyCommands(tx, { instanceId: instance.id, actorId: actor.userId, now, newId: randomUUID, mail: options.mail, audits: [completed] }, result.state, result.commands, held);
    await checkpoint("commands-applied");
    held.hold(tx.delete(taskDrafts).where(eq(taskDrafts.taskId, task.id)));
    held.hold(instanceStateWrite(tx, instance, applied.state, now));
    // The new tasks are read in the statement that carries the last writes: none of those touch them.
    const next = applied.createdTaskIds.length ? await loadTaskSummaries(tx, actor, inArray(tasks.id, applied.createdTaskIds), "visible", held) : [];
    await held.flush(tx);
    await checkpoint("completion-stored");
    return { instanceId: instance.id, instanceStatus: applied.state.status, next };
  });
}
