import { and, eq, inArray } from "drizzle-orm";
import { auditEvents, instances, jobs, messageSubscriptions, taskDrafts, tasks, type Database } from "@baton/db";
import { step, type BusinessError, type EngineCommand, type InstanceState } from "@baton/engine";
import { applyCommands, type ApplyContext } from "./apply-commands.ts";
import { engineEnv } from "./engine-env.ts";
import { CHILD_FAILED_JOB, type ChildFailedPayload } from "./jobs/child-failed.ts";
import { dropPendingJobs } from "./jobs/drop-pending-jobs.ts";
import { callDepth } from "./lock-instance.ts";
import { loadPackage } from "./package-cache.ts";
import { latestPackageId } from "./start-instance.ts";
import { stepInstance, storeInstanceState } from "./step-instance.ts";
import { startRefusal } from "./version-lifecycle.ts";

/**
 * Call activities at run time. The engine asks, the runtime does, all in
 * the transaction of the step that asked:
 * - `startChild`: an instance of the latest published version of the
 *   process starts, linked to the calling instance and its waiting token
 *   (`instances.parent_instance_id`, `parent_token_id`), started by the
 *   caller's starter, with the inputs as its first variables. A process
 *   that is not published, archived or whose latest version is deprecated
 *   (version-lifecycle.ts), or calls nested deeper than MAX_CALL_DEPTH (a
 *   process that calls itself for ever), stop the token under a
 *   `call.failed` incident; retrying it asks again.
 * - the called instance ends (`endInstance`): its caller gets
 *   `childCompleted` with the final variables, stepped at once. The caller
 *   is already locked (lock-instance.ts locks callers first). A child
 *   that ends while it is being started is handed back to the caller's
 *   own step instead (`ended`), whose state is not stored yet.
 * - `cancelChild` (an interrupting boundary event on the call activity):
 *   the called instance is cancelled with what it runs: its open tasks,
 *   their drafts, its pending jobs, the messages it waits for, and the
 *   instances it called in turn.
 * A called instance that stops on a business error nothing in it catches
 * (`error.uncaught`) offers it to its caller (`childFailed`, by a job):
 * a boundary error event on the call activity may catch it, which cancels
 * the called instance; caught by none, the called instance keeps its
 * incident for an admin, and its caller waits.
 */
export const MAX_CALL_DEPTH = 10;

type StartChild = Extract<EngineCommand, { type: "startChild" }>;
type CancelChild = Extract<EngineCommand, { type: "cancelChild" }>;

export type ChildStart =
  | { ok: true; childId: string; createdTaskIds: string[]; ended?: Record<string, unknown> }
  | { ok: false; message: string };

export async function startChildInstance(tx: Database, ctx: ApplyContext, parentState: InstanceState, command: StartChild): Promise<ChildStart> {
  const latest = await latestPackageId(tx, command.processKey);
  if (!latest) return { ok: false, message: `The called process "${command.processKey}" is not published. Publish it, then retry this incident to call it.` };
  const depth = await callDepth(tx, ctx.instanceId);
  if (depth + 1 > MAX_CALL_DEPTH) {
    return { ok: false, message: `Calling "${command.processKey}" would nest calls ${depth + 1} deep (at most ${MAX_CALL_DEPTH}); does a process call itself without end?` };
  }
  const pkg = await loadPackage(tx, latest);
  const refusal = await startRefusal(tx, pkg.processKey, pkg.version, pkg.definition.name);
  if (refusal) return { ok: false, message: `The called process cannot start: ${refusal} Then retry this incident to call it.` };
  const [parent] = await tx.select({ startedBy: instances.startedBy, title: instances.title }).from(instances).where(eq(instances.id, ctx.instanceId));
  const result = step(pkg.definition, undefined, { type: "started", data: {}, startedBy: parentState.startedBy, variables: command.variables }, await engineEnv(tx, pkg.definition, ctx.now));
  const [row] = await tx
    .insert(instances)
    .values({
      packageVersionId: pkg.id,
      processKey: pkg.processKey,
      title: parent!.title,
      status: result.state.status,
      state: result.state,
      variables: result.state.variables,
      startedBy: parent!.startedBy,
      startedAt: ctx.now,
      parentInstanceId: ctx.instanceId,
      parentTokenId: command.tokenId,
    })
    .returning({ id: instances.id, revision: instances.revision });
  const started = { type: "instance.started", data: { processKey: pkg.processKey, version: pkg.version, parentInstanceId: ctx.instanceId, parentStepId: command.stepId, variables: command.variables } };
  const applied = await applyCommands(tx, { ...ctx, instanceId: row!.id, audits: [started], startedByParent: true }, result.state, result.commands);
  // The insert stored revision 1 with the engine's state; this is the state after the commands, revision 2.
  await storeInstanceState(tx, row!, applied.state, ctx.now);
  const ended = applied.state.status === "completed" ? { ended: applied.state.variables } : {};
  return { ok: true, childId: row!.id, createdTaskIds: applied.createdTaskIds, ...ended };
}

/**
 * The instance `ctx.instanceId` has ended: if a call activity started it,
 * its caller moves on with `childCompleted`. The caller was locked first
 * (lock-instance.ts); one that no longer waits for it (its token gone or
 * stuck) is left alone.
 */
export async function completeCaller(tx: Database, ctx: ApplyContext, variables: Record<string, unknown>): Promise<void> {
  const [link] = await tx.select({ parentId: instances.parentInstanceId, tokenId: instances.parentTokenId }).from(instances).where(eq(instances.id, ctx.instanceId));
  if (!link?.parentId || !link.tokenId) return;
  const tokenId = link.tokenId;
  await stepInstance(tx, link.parentId, { type: "childCompleted", tokenId, variables }, {
    now: new Date(ctx.now),
    actorId: ctx.actorId,
    mail: ctx.mail,
    accept: (state) => state.tokens.some((t) => t.id === tokenId) && !state.incidents.some((i) => i.tokenId === tokenId),
  });
}

/**
 * The instance `ctx.instanceId` stopped on a business error nothing in it
 * caught: if a call activity started it, its caller may catch it, by a
 * job due now (jobs/child-failed.ts) rather than in this step, since
 * catching cancels this instance, whose new state is not stored yet.
 */
export async function offerErrorToCaller(tx: Database, ctx: ApplyContext, error: BusinessError): Promise<void> {
  const [link] = await tx.select({ parentId: instances.parentInstanceId, tokenId: instances.parentTokenId }).from(instances).where(eq(instances.id, ctx.instanceId));
  if (!link?.parentId || !link.tokenId) return;
  const payload: ChildFailedPayload = { childInstanceId: ctx.instanceId, error };
  await tx.insert(jobs).values({ instanceId: link.parentId, type: CHILD_FAILED_JOB, ref: link.tokenId, payload, dueAt: ctx.now });
}

/** Cancels the instances the caller's token `command.tokenId` runs (one, unless a retry called again); answers their ids. */
export async function cancelChildInstances(tx: Database, ctx: ApplyContext, command: CancelChild): Promise<string[]> {
  const children = await tx
    .select({ id: instances.id })
    .from(instances)
    .where(and(eq(instances.parentInstanceId, ctx.instanceId), eq(instances.parentTokenId, command.tokenId), inArray(instances.status, ["running", "incident"])))
    .orderBy(instances.number);
  for (const child of children) await cancelInstance(tx, child.id, { reason: command.reason, callerStepId: command.stepId, actorId: ctx.actorId, now: ctx.now });
  return children.map((c) => c.id);
}

/**
 * Why and by whom an instance is cancelled. `callerStepId`: the caller's
 * call activity, when a caller cancels it (absent when an admin cancels an
 * instance no one called); `cancelledBy`: the admin's user name, when an
 * admin cancels (admin-cancel-instance.ts); the instances it called carry it on.
 */
export type Cancellation = { reason: string; actorId: string | null; now: string; callerStepId?: string; cancelledBy?: string };

/**
 * Ends an instance without completing it: its open tasks and their drafts,
 * its pending jobs, the messages it waits for and its open incidents go,
 * then the instances it called in turn, deepest last. The caller of
 * `instanceId` (if any) must hold its lock already: callers before callees,
 * as everywhere (lock-instance.ts). Answers the ids it cancelled, this one
 * first; none when it had ended already.
 */
export async function cancelInstance(tx: Database, instanceId: string, why: Cancellation): Promise<string[]> {
  const [row] = await tx.select().from(instances).where(eq(instances.id, instanceId)).for("update");
  if (!row || row.status === "completed" || row.status === "cancelled") return [];
  const cancelledTasks = await tx
    .update(tasks)
    .set({ status: "cancelled", completedAt: why.now })
    .where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, "open")))
    .returning({ id: tasks.id, stepId: tasks.stepId });
  if (cancelledTasks.length) await tx.delete(taskDrafts).where(inArray(taskDrafts.taskId, cancelledTasks.map((t) => t.id)));
  // Timers, service calls not yet made; a call already under way finds its job gone and stores nothing.
  await dropPendingJobs(tx, eq(jobs.instanceId, instanceId));
  await tx.delete(messageSubscriptions).where(eq(messageSubscriptions.instanceId, instanceId));
  const state = row.state as InstanceState;
  // Open incidents live in the state: clearing it closes them (the admin's incident list no longer shows them).
  const cleared: InstanceState = { ...state, tokens: [], timers: [], incidents: [], approvals: {}, messages: [] };
  await tx
    .update(instances)
    .set({ status: "cancelled", state: cleared, endedAt: why.now, revision: row.revision + 1 })
    .where(eq(instances.id, instanceId));
  const closedIncidents = state.incidents.map((i) => ({ id: i.id, stepId: i.stepId, code: i.code }));
  const data = {
    reason: why.reason,
    ...(row.parentInstanceId ? { callerInstanceId: row.parentInstanceId, callerStepId: why.callerStepId } : {}),
    ...(why.cancelledBy ? { cancelledBy: why.cancelledBy } : {}),
    ...(closedIncidents.length ? { closedIncidents } : {}),
  };
  await tx.insert(auditEvents).values([
    ...cancelledTasks.map((t) => ({ instanceId, taskId: t.id, actorId: why.actorId, type: "task.cancelled", data: { stepId: t.stepId, reason: why.reason }, at: why.now })),
    { instanceId, actorId: why.actorId, type: "instance.cancelled", data, at: why.now },
  ]);
  const called = await tx
    .select({ id: instances.id, tokenId: instances.parentTokenId })
    .from(instances)
    .where(and(eq(instances.parentInstanceId, instanceId), inArray(instances.status, ["running", "incident"])))
    .orderBy(instances.number);
  const cancelled = [instanceId];
  for (const child of called) {
    const callerStepId = state.tokens.find((t) => t.id === child.tokenId)?.stepId ?? why.callerStepId;
    cancelled.push(...(await cancelInstance(tx, child.id, { ...why, reason: `its caller was cancelled (${why.reason})`, callerStepId })));
  }
  return cancelled;
}
