import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { instances, jobs, startTriggers, type Database } from "@baton/db";
import { nextTimerStart, step } from "@baton/engine";
import type { ProcessDefinition, StartStep, StartTrigger } from "@baton/model";
import { applyCommands } from "../apply-commands.ts";
import { engineEnv } from "../engine-env.ts";
import { dropPendingJobs } from "../jobs/drop-pending-jobs.ts";
import type { MailSettings } from "../mail-settings.ts";
import { loadPackage } from "../package-cache.ts";
import { storeInstanceState } from "../step-instance.ts";

/**
 * Start triggers: the message or timer on a process's start. Only the
 * latest published version's is active, so publishing replaces the row
 * (start_triggers has one per process) and drops the pending `timerStart`
 * job of the old one, in the publishing transaction. A timer trigger gets
 * a job at its first time (engine `nextTimerStart`); the job starts an
 * instance and schedules the next time (jobs/timer-start.ts).
 */
export const TIMER_START_JOB = "timerStart";

/** The payload of a `timerStart` job, whose `ref` is the trigger's id: how many starts the trigger asked for before this one. */
export type TimerStartPayload = { fired: number };

export function topLevelStart(definition: ProcessDefinition): StartStep | undefined {
  return definition.steps.find((s): s is StartStep => s.kind === "start" && s.parent === undefined);
}

export async function replaceStartTrigger(
  tx: Database,
  input: { processKey: string; packageVersionId: string; definition: ProcessDefinition; activatedBy: string; now: string },
): Promise<void> {
  const old = await tx.delete(startTriggers).where(eq(startTriggers.processKey, input.processKey)).returning({ id: startTriggers.id });
  if (old.length) await dropPendingJobs(tx, and(eq(jobs.type, TIMER_START_JOB), inArray(jobs.ref, old.map((o) => o.id))));
  const trigger = topLevelStart(input.definition)?.trigger;
  if (!trigger) return;
  const [row] = await tx
    .insert(startTriggers)
    .values({
      processKey: input.processKey,
      packageVersionId: input.packageVersionId,
      type: trigger.type,
      messageName: trigger.type === "message" ? trigger.message : null,
      timer: trigger.type === "timer" ? trigger.timer : null,
      activatedBy: input.activatedBy,
      createdAt: input.now,
    })
    .returning({ id: startTriggers.id });
  if (trigger.type !== "timer") return;
  const first = nextTimerStart(trigger.timer, input.now, input.definition.timeZone);
  if (first) await scheduleTimerStart(tx, row!.id, first);
}

export async function scheduleTimerStart(tx: Database, triggerId: string, at: { dueAt: string; fired: number }): Promise<void> {
  const payload: TimerStartPayload = { fired: at.fired };
  await tx.insert(jobs).values({ type: TIMER_START_JOB, ref: triggerId, payload, dueAt: at.dueAt });
}

export type TriggeredStart = { instanceId: string; number: number; processKey: string; status: string };

/**
 * Starts an instance of `packageVersionId` because its trigger went off,
 * inside the caller's transaction: the start form is skipped, `data` (the
 * message's) goes through the start's output mapping (absent: every key
 * becomes a variable), and the audit says what started it.
 */
export async function startTriggered(
  tx: Database,
  input: { packageVersionId: string; data: Record<string, unknown>; starter: { userId: string; username: string }; title: string; trigger: StartTrigger; now: string; mail?: MailSettings | null },
): Promise<TriggeredStart> {
  const pkg = await loadPackage(tx, input.packageVersionId);
  const result = step(pkg.definition, undefined, { type: "started", data: input.data, startedBy: input.starter.username }, await engineEnv(tx, pkg.definition, input.now));
  const [row] = await tx
    .insert(instances)
    .values({
      packageVersionId: pkg.id,
      processKey: pkg.processKey,
      title: input.title.slice(0, 120),
      status: result.state.status,
      state: result.state,
      variables: result.state.variables,
      startedBy: input.starter.userId,
      startedAt: input.now,
      endedAt: result.state.status === "completed" ? input.now : null,
    })
    .returning({ id: instances.id, number: instances.number, revision: instances.revision });
  const started = { type: "instance.started", data: { processKey: pkg.processKey, version: pkg.version, data: input.data, trigger: input.trigger } };
  const applied = await applyCommands(tx, { instanceId: row!.id, actorId: input.starter.userId, now: input.now, newId: randomUUID, mail: input.mail, audits: [started] }, result.state, result.commands);
  if (applied.state !== result.state) await storeInstanceState(tx, row!, applied.state, input.now);
  return { instanceId: row!.id, number: row!.number, processKey: pkg.processKey, status: applied.state.status };
}
