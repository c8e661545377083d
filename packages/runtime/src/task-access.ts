import { and, eq, isNull } from "drizzle-orm";
import { auditEvents, instances, packageVersions, taskDrafts, tasks, type Database } from "@baton/db";
import type { CompiledForm, ProcessDefinition } from "@baton/model";
import { isInGroup, type Actor } from "./actor.ts";
import { conflict, forbidden, notFound } from "./errors.ts";
import { requireId } from "./ids.ts";
import type { InstanceState } from "@baton/engine";
import { voteRefusalFor } from "./four-eyes.ts";
import { loadPackage } from "./package-cache.ts";
import { loadTaskSummaries, type TaskSummary } from "./task-views.ts";
import { toIso } from "./time.ts";

/**
 * Reading a task with its form, and claiming or releasing group tasks.
 * "Not found" and "not yours to see" answer the same, so task ids reveal
 * nothing about other people's work.
 */
export async function taskSummary(db: Database, actor: Actor, taskId: string): Promise<TaskSummary> {
  requireId(taskId, "Task");
  const [summary] = await loadTaskSummaries(db, actor, eq(tasks.id, taskId));
  if (!summary) throw notFound(`Task "${taskId}"`);
  return summary;
}

export async function getTask(db: Database, actor: Actor, taskId: string) {
  const task = await taskSummary(db, actor, taskId);
  const [row] = await db
    .select({ definition: packageVersions.definition, forms: packageVersions.forms, submitted: tasks.submitted })
    .from(tasks)
    .innerJoin(instances, eq(instances.id, tasks.instanceId))
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .where(eq(tasks.id, taskId));
  const definition = row!.definition as ProcessDefinition;
  const stepDef = definition.steps.find((s) => s.id === task.stepId);
  const form = (row!.forms as Record<string, CompiledForm>)[task.stepId] ?? { schema: { type: "object", properties: {} }, uiSchema: {} };
  const [draft] = await db.select().from(taskDrafts).where(eq(taskDrafts.taskId, taskId));
  return {
    task,
    description: stepDef?.description ?? null,
    form,
    draft: draft && task.status === "open" ? { data: draft.data as Record<string, unknown>, version: draft.version, updatedAt: toIso(draft.updatedAt) } : null,
    submitted: (row!.submitted as Record<string, unknown> | null) ?? null,
  };
}

/**
 * An open task the actor works on (assigned to them), with its published
 * form and the instance's variables the form's rules read: what saving a
 * draft and uploading a file need. `closed` ends the sentence for a task
 * that is no longer open.
 */
export async function taskFormContext(db: Database, actor: Actor, taskId: string, closed: string) {
  const task = await taskSummary(db, actor, taskId);
  if (task.status !== "open") throw conflict(`"${task.name}" is already ${task.status}; ${closed}.`);
  if (!task.canComplete) {
    throw forbidden(task.canClaim ? `Claim "${task.name}" before you work on it.` : `"${task.name}" is assigned to ${task.assignee?.displayName ?? "someone else"}.`);
  }
  const [context] = await db
    .select({ packageVersionId: instances.packageVersionId, variables: instances.variables })
    .from(instances)
    .where(eq(instances.id, task.instanceId));
  const pkg = await loadPackage(db, context!.packageVersionId);
  return { task, form: pkg.forms[task.stepId] as CompiledForm | undefined, variables: context!.variables as Record<string, unknown> };
}

export async function claimTask(db: Database, actor: Actor, taskId: string, now = new Date()): Promise<TaskSummary> {
  const task = await taskSummary(db, actor, taskId);
  if (task.status !== "open") throw conflict(`"${task.name}" is already ${task.status}.`);
  if (task.assignee?.username === actor.username) return task;
  if (task.assignee) throw conflict(`"${task.name}" was already claimed by ${task.assignee.displayName}.`);
  const [row] = await db
    .select({ groupId: tasks.candidateGroupId, tokenId: tasks.tokenId, state: instances.state, packageVersionId: instances.packageVersionId })
    .from(tasks)
    .innerJoin(instances, eq(instances.id, tasks.instanceId))
    .where(eq(tasks.id, taskId));
  if (!isInGroup(actor, row!.groupId)) throw forbidden(`Only members of ${task.candidateGroup?.name ?? "its group"} may claim "${task.name}".`);
  const pkg = await loadPackage(db, row!.packageVersionId);
  const refusal = voteRefusalFor(pkg.definition, row!.state as InstanceState, { stepId: task.stepId, tokenId: row!.tokenId }, actor.username);
  if (refusal) throw forbidden(refusal);
  // The "assignee is null" guard makes two simultaneous claims safe: one wins.
  const claimed = await db
    .update(tasks)
    .set({ assigneeId: actor.userId })
    .where(and(eq(tasks.id, taskId), eq(tasks.status, "open"), isNull(tasks.assigneeId)))
    .returning({ id: tasks.id });
  if (!claimed[0]) throw conflict(`"${task.name}" was claimed by someone else a moment ago.`);
  await db.insert(auditEvents).values({ instanceId: task.instanceId, taskId, actorId: actor.userId, type: "task.claimed", data: {}, at: now.toISOString() });
  return taskSummary(db, actor, taskId);
}

export async function unclaimTask(db: Database, actor: Actor, taskId: string, now = new Date()): Promise<TaskSummary> {
  const task = await taskSummary(db, actor, taskId);
  if (task.status !== "open") throw conflict(`"${task.name}" is already ${task.status}.`);
  if (!task.candidateGroup) throw forbidden(`"${task.name}" is assigned to you personally and has no group queue to return to.`);
  if (task.assignee?.username !== actor.username && actor.role !== "admin") {
    throw forbidden(`Only the person who claimed "${task.name}" may release it.`);
  }
  await db.update(tasks).set({ assigneeId: null }).where(eq(tasks.id, taskId));
  await db.insert(auditEvents).values({ instanceId: task.instanceId, taskId, actorId: actor.userId, type: "task.unclaimed", data: {}, at: now.toISOString() });
  return taskSummary(db, actor, taskId);
}
