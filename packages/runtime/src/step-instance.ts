import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { instances, type Database } from "@baton/db";
import { step, type EngineEvent, type InstanceState } from "@baton/engine";
import { applyCommands } from "./apply-commands.ts";
import { engineEnv } from "./engine-env.ts";
import { HeldWrites } from "./held-writes.ts";
import type { MailSettings } from "./mail-settings.ts";
import { lockInstance } from "./lock-instance.ts";
import { loadPackage } from "./package-cache.ts";

/**
 * Writes an instance's state after an engine step: the state, its
 * variables and status, when it ended, and the next revision. Shared by
 * completing a task and every other stepping of a running instance.
 * The statement carries what `held` holds (held-writes.ts).
 */
export async function storeInstanceState(tx: Database, instance: { id: string; revision: number }, state: InstanceState, now: string, held?: HeldWrites): Promise<void> {
  await instanceStateWrite(tx.with(...(held?.take(tx) ?? [])), instance, state, now);
}

/** The write of `storeInstanceState`, built, not sent: to hold it (held-writes.ts). */
export function instanceStateWrite(tx: Pick<Database, "update">, instance: { id: string; revision: number }, state: InstanceState, now: string) {
  return tx
    .update(instances)
    .set({
      state,
      variables: state.variables,
      status: state.status,
      endedAt: state.status === "completed" ? now : null,
      revision: instance.revision + 1,
    })
    .where(eq(instances.id, instance.id));
}

export type SteppedInstance = { instanceId: string; status: InstanceState["status"]; createdTaskIds: string[] };

/**
 * One engine event for a running instance, inside the caller's transaction:
 * lock the instance row (steps of one instance queue; with the instances
 * that called it, lock-instance.ts), let `accept` look at
 * the locked state and decline (an event that is no longer wanted, e.g. a
 * timer whose task was completed first), run the engine step on the
 * instance's own package version, apply the commands, store the new state
 * (with the audit events, in one statement).
 * Answers null when the instance is gone, completed, cancelled, or `accept` declined.
 */
export async function stepInstance(
  tx: Database,
  instanceId: string,
  event: EngineEvent,
  options: { now: Date; actorId: string | null; accept?: (state: InstanceState) => boolean; mail?: MailSettings | null },
): Promise<SteppedInstance | null> {
  const instance = await lockInstance(tx, instanceId);
  if (!instance || instance.status === "cancelled") return null;
  const state = instance.state as InstanceState;
  if (state.status === "completed" || (options.accept && !options.accept(state))) return null;
  const pkg = await loadPackage(tx, instance.packageVersionId);
  const now = options.now.toISOString();
  const result = step(pkg.definition, state, event, await engineEnv(tx, pkg.definition, now));
  const held = new HeldWrites();
  const applied = await applyCommands(tx, { instanceId, actorId: options.actorId, now, newId: randomUUID, mail: options.mail }, result.state, result.commands, held);
  await storeInstanceState(tx, instance, applied.state, now, held);
  return { instanceId, status: applied.state.status, createdTaskIds: applied.createdTaskIds };
}
