import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { auditEvents, groups, instances, jobs, taskDrafts, tasks, users, type Database } from "@baton/db";
import { step, type EngineCommand, type EngineEvent, type Incident, type InstanceState } from "@baton/engine";
import { applyEscalation } from "./apply-escalation.ts";
import { subscribeToMessage, unsubscribeFromMessage } from "./messages/message-subscriptions.ts";
import { cancelChildInstances, completeCaller, offerErrorToCaller, startChildInstance } from "./child-instances.ts";
import { engineEnv } from "./engine-env.ts";
import { HeldWrites } from "./held-writes.ts";
import { loadPackage } from "./package-cache.ts";
import { pickGroupMember, type HandOut } from "./group-hand-out.ts";
import { dropPendingJobs } from "./jobs/drop-pending-jobs.ts";
import { SERVICE_CALL_JOB, type ServiceCallJobPayload } from "./jobs/service-call-job.ts";
import type { MailSettings } from "./mail-settings.ts";
import { sendNotification } from "./notifications.ts";

/**
 * Carries out the engine's commands inside the caller's transaction: tasks
 * become rows, timers and service calls become jobs (cancelled timers lose theirs),
 * alerts become notifications, escalations remind, alert or move the task,
 * and decisions and variable changes become audit events. A group task
 * with a strategy goes to one member (group-hand-out.ts), audited as
 * `task.assigned` with the reason. Returns the new
 * task ids and the state, which may gain an incident when a command names
 * a user or group Baton does not know (the task is then created
 * unassigned, the alert goes to whoever is known, so no work is lost, and
 * an admin can see why). `actorId` is null for what the system does by
 * itself (a timer firing). Call activities start, cancel and complete
 * other instances (child-instances.ts); a called process that completes
 * at once is answered with `childCompleted` in this same step, so the
 * returned state may be some engine steps further on.
 *
 * Round trips: given `held` (held-writes.ts), the writes held there before
 * ride along with the first statement that may carry them (a task insert)
 * or are sent before the first command that might depend on them, and the
 * audit events are left held for the caller's last statement. A task that
 * is not handed out finds its assignee and group in its own insert.
 */
export type ApplyContext = {
  instanceId: string;
  actorId: string | null;
  now: string;
  newId: () => string;
  /** Outgoing e-mail: with it, notifications also go out by e-mail (sendNotification). */
  mail?: MailSettings | null;
  /** Audit events of the caller's own (e.g. `task.completed`), written first, with the commands' ones. */
  audits?: AuditEntry[];
  /** Set while a call activity starts this instance: its end goes back through the caller's own step, not completeCaller. */
  startedByParent?: boolean;
};

export type AuditEntry = { type: string; data: Record<string, unknown>; taskId?: string };

/**
 * Records an audit event; shared by the command appliers. The events are
 * kept in order and written by one INSERT when the commands are applied
 * (one round trip instead of one per event, in the same transaction).
 */
export type Audit = (type: string, data: Record<string, unknown>, taskId?: string) => Promise<unknown>;

export async function applyCommands(
  tx: Database,
  ctx: ApplyContext,
  state: InstanceState,
  commands: EngineCommand[],
  held?: HeldWrites,
): Promise<{ state: InstanceState; createdTaskIds: string[] }> {
  const pending = held ?? new HeldWrites();
  const createdTaskIds: string[] = [];
  let next = state;
  const audits: AuditEntry[] = [...(ctx.audits ?? [])];
  const audit: Audit = async (type, data, taskId) => {
    audits.push({ type, data, taskId });
  };
  /** An incident that stops no token: something could not be done as designed, visibly. */
  const note = async (stepId: string, message: string, taskId?: string) => {
    const incident: Incident = { id: ctx.newId(), stepId, code: "assignment.error", message, at: ctx.now };
    next = { ...next, status: "incident", incidents: [...next.incidents, incident] };
    await audit("incident.raised", incident, taskId);
  };

  /** Events for this instance that its own commands brought about (a called process that completed at once). */
  const followUps: EngineEvent[] = [];
  const applyBatch = async (commands: EngineCommand[]) => {
    // Tasks handed out need their assignee and group before the insert (one look-up for all of them).
    const handedOut = commands.filter((c) => c.type === "createTask" && handsOut(c));
    const usernames = handedOut.flatMap((c) => (c.type === "createTask" && c.assignee ? [c.assignee] : []));
    const groupKeys = handedOut.flatMap((c) => (c.type === "createTask" && c.candidateGroup ? [c.candidateGroup] : []));
    const userIds = new Map(
      usernames.length
        ? (await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, usernames))).map((u) => [u.username, u.id])
        : [],
    );
    const groupIds = new Map(
      groupKeys.length
        ? (await tx.select({ id: groups.id, key: groups.key }).from(groups).where(inArray(groups.key, groupKeys))).map((g) => [g.key, g.id])
        : [],
    );

    let key: string | undefined;
    const processKey = async () => {
      if (key === undefined) {
        const [instance] = await tx.select({ processKey: instances.processKey }).from(instances).where(eq(instances.id, ctx.instanceId));
        key = instance!.processKey;
      }
      return key;
    };

    for (const command of commands) {
      if (!canRunWhileHeld(command)) await pending.flush(tx);
      switch (command.type) {
        case "createTask": {
          let assigneeId: string | null;
          let candidateGroupId: string | null;
          let handOut: HandOut | null = null;
          let row: { id: string } | undefined;
          if (handsOut(command)) {
            assigneeId = command.assignee ? userIds.get(command.assignee) ?? null : null;
            candidateGroupId = groupIds.get(command.candidateGroup!) ?? null;
            // A group that hands out (round robin, least loaded): one member gets it, the task keeps its group.
            handOut =
              candidateGroupId && !assigneeId
                ? await pickGroupMember(tx, { processKey: await processKey(), stepId: command.stepId, groupId: candidateGroupId, groupKey: command.candidateGroup!, strategy: command.strategy!, now: ctx.now })
                : null;
            if (handOut?.ok) assigneeId = handOut.userId;
            [row] = await tx.insert(tasks).values(taskRow(ctx, command, assigneeId, candidateGroupId)).returning({ id: tasks.id });
          } else {
            // The assignee and group by name, in the insert itself (null when Baton does not know them); it carries what is held.
            const assignee = command.assignee ? sql`(select ${users.id} from ${users} where ${users.username} = ${command.assignee})` : null;
            const group = command.candidateGroup ? sql`(select ${groups.id} from ${groups} where ${groups.key} = ${command.candidateGroup})` : null;
            const [inserted] = await tx
              .with(...pending.take(tx))
              .insert(tasks)
              .values(taskRow(ctx, command, assignee, group))
              .returning({ id: tasks.id, assigneeId: tasks.assigneeId, candidateGroupId: tasks.candidateGroupId });
            row = inserted;
            assigneeId = inserted!.assigneeId;
            candidateGroupId = inserted!.candidateGroupId;
          }
          createdTaskIds.push(row!.id);
          await audit("task.created", { stepId: command.stepId, name: command.name, assignee: command.assignee, candidateGroup: command.candidateGroup, ...(command.strategy ? { strategy: command.strategy } : {}), dueAt: command.dueAt }, row!.id);
          if (handOut?.ok) {
            await audit("task.assigned", { stepId: command.stepId, assignee: handOut.username, candidateGroup: command.candidateGroup, strategy: command.strategy, reason: handOut.reason }, row!.id);
          } else if (handOut) {
            await note(command.stepId, `Task "${command.name}" could not be handed out: ${handOut.reason}; it waits in the group's queue.`, row!.id);
          }
          const missing =
            command.assignee && !assigneeId
              ? `user "${command.assignee}"`
              : command.candidateGroup && !candidateGroupId
                ? `group "${command.candidateGroup}"`
                : null;
          if (missing) await note(command.stepId, `Task "${command.name}" is assigned to ${missing}, who does not exist in Baton; it was created unassigned.`, row!.id);
          break;
        }
        case "decisionTaken":
          await audit("decision.taken", { stepId: command.stepId, connectionId: command.connectionId, reason: command.reason });
          break;
        case "variablesChanged":
          await audit("variables.changed", { stepId: command.stepId, changes: command.changes });
          break;
        case "raiseIncident":
          await audit("incident.raised", command.incident);
          if (command.incident.code === "error.uncaught" && command.incident.error) await offerErrorToCaller(tx, ctx, command.incident.error);
          break;
        case "endInstance":
          await audit("instance.completed", {});
          if (!ctx.startedByParent) await completeCaller(tx, ctx, next.variables);
          break;
        case "startChild": {
          const child = await startChildInstance(tx, ctx, next, command);
          if (!child.ok) {
            const incident: Incident = { id: ctx.newId(), stepId: command.stepId, tokenId: command.tokenId, code: "call.failed", message: child.message, at: ctx.now };
            next = { ...next, status: "incident", incidents: [...next.incidents, incident] };
            await audit("incident.raised", incident);
            break;
          }
          createdTaskIds.push(...child.createdTaskIds);
          await audit("child.started", { stepId: command.stepId, processKey: command.processKey, childInstanceId: child.childId });
          if (child.ended) followUps.push({ type: "childCompleted", tokenId: command.tokenId, variables: child.ended });
          break;
        }
        case "cancelChild": {
          const cancelled = await cancelChildInstances(tx, ctx, command);
          if (cancelled.length) await audit("child.cancelled", { stepId: command.stepId, reason: command.reason, childInstanceIds: cancelled });
          break;
        }
        case "scheduleTimer":
          await tx.insert(jobs).values({
            instanceId: ctx.instanceId,
            type: "timer",
            ref: command.timer.id,
            payload: { stepId: command.timer.stepId, purpose: command.timer.purpose },
            dueAt: command.timer.dueAt,
          });
          break;
        case "cancelTimer":
          await dropPendingJobs(tx, and(eq(jobs.type, "timer"), eq(jobs.ref, command.timerId)));
          break;
        case "notify": {
          const alert = { users: command.users, groups: command.groups, emails: command.emails, instanceId: ctx.instanceId, kind: "alert" as const, subject: command.subject, message: command.message, at: ctx.now };
          const sent = await sendNotification(tx, alert, { mail: ctx.mail });
          // Outside addresses have only e-mail: say in the history when none could be sent.
          const outside = command.emails?.length ? { emails: command.emails, ...(ctx.mail ? {} : { notEmailed: "e-mail is not configured on this server" }) } : {};
          await audit("notification.sent", { stepId: command.stepId, subject: command.subject, recipients: sent.recipients, ...outside });
          if (sent.unknown.length) await note(command.stepId, `The alert "${command.subject}" could not reach ${sent.unknown.join(", ")}: not in Baton.`);
          break;
        }
        case "cancelTask": {
          // Still open only: a vote that was just cast is not "cancelled" after the fact.
          const cancelled = await tx
            .update(tasks)
            .set({ status: "cancelled", completedAt: ctx.now })
            .where(and(eq(tasks.instanceId, ctx.instanceId), eq(tasks.tokenId, command.tokenId), eq(tasks.status, "open")))
            .returning({ id: tasks.id });
          for (const { id } of cancelled) {
            await tx.delete(taskDrafts).where(eq(taskDrafts.taskId, id));
            await audit("task.cancelled", { stepId: command.stepId, reason: command.reason }, id);
          }
          break;
        }
        case "boundaryTriggered":
          await audit("boundary.triggered", { stepId: command.stepId, name: command.name, attachedTo: command.attachedTo, interrupting: command.interrupting, ...(command.error ? { error: command.error } : {}) });
          break;
        case "escalateTask":
          await applyEscalation(tx, ctx, command, audit, note);
          break;
        case "waitForMessage":
          await subscribeToMessage(tx, ctx.instanceId, command, ctx.now);
          break;
        case "stopWaiting":
          await unsubscribeFromMessage(tx, ctx.instanceId, command);
          break;
        case "callService": {
          const payload: ServiceCallJobPayload = { stepId: command.stepId, request: command.request, idempotencyKey: command.idempotencyKey, timeoutMs: command.timeoutMs };
          await tx.insert(jobs).values({ instanceId: ctx.instanceId, type: SERVICE_CALL_JOB, ref: command.tokenId, payload, maxAttempts: command.retries + 1, dueAt: ctx.now });
          break;
        }
      }
    }
  };

  await applyBatch(commands);
  if (followUps.length) {
    await pending.flush(tx);
    const [instance] = await tx.select({ packageVersionId: instances.packageVersionId }).from(instances).where(eq(instances.id, ctx.instanceId));
    const { definition } = await loadPackage(tx, instance!.packageVersionId);
    for (let event = followUps.shift(); event; event = followUps.shift()) {
      const result = step(definition, next, event, await engineEnv(tx, definition, ctx.now));
      next = result.state;
      await applyBatch(result.commands);
    }
  }
  if (audits.length) {
    pending.hold(tx.insert(auditEvents).values(audits.map((a) => ({ instanceId: ctx.instanceId, taskId: a.taskId, actorId: ctx.actorId, type: a.type, data: a.data, at: ctx.now }))));
  }
  if (!held) await pending.flush(tx);
  return { state: next, createdTaskIds };
}

type CreateTask = Extract<EngineCommand, { type: "createTask" }>;

/** A group task with a strategy goes to one member (group-hand-out.ts). */
function handsOut(command: CreateTask): boolean {
  return Boolean(command.strategy && command.candidateGroup);
}

/**
 * Whether a command may run while writes are held: it sends nothing
 * (audit events only), or only a task insert, which carries them (it
 * reads users and groups, writes a row of its own). Anything else might
 * read what is held (a hand-out counts open tasks), so it is sent first.
 */
function canRunWhileHeld(command: EngineCommand): boolean {
  switch (command.type) {
    case "createTask":
      return !handsOut(command);
    case "decisionTaken":
    case "variablesChanged":
    case "boundaryTriggered":
      return true;
    case "raiseIncident":
      return !(command.incident.code === "error.uncaught" && command.incident.error);
    default:
      return false;
  }
}

function taskRow(ctx: ApplyContext, command: CreateTask, assigneeId: string | SQL | null, candidateGroupId: string | SQL | null) {
  return {
    instanceId: ctx.instanceId,
    tokenId: command.tokenId,
    stepId: command.stepId,
    name: command.name,
    assigneeId,
    candidateGroupId,
    dueAt: command.dueAt,
    createdAt: ctx.now,
  };
}
