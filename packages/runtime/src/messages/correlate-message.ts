import { and, asc, eq, notInArray } from "drizzle-orm";
import { messageSubscriptions, startTriggers, type Database } from "@baton/db";
import type { InstanceState } from "@baton/engine";
import type { StartTrigger } from "@baton/model";
import type { Actor } from "../actor.ts";
import { conflict, forbidden, invalidInput, UserError } from "../errors.ts";
import type { MailSettings } from "../mail-settings.ts";
import { loadPackage } from "../package-cache.ts";
import { stepInstance } from "../step-instance.ts";
import { startRefusal } from "../version-lifecycle.ts";
import { startTriggered, type TriggeredStart } from "./start-triggers.ts";

/**
 * Correlating a message (from the API or `baton message`), in one
 * transaction:
 * 1. the oldest subscription waiting for (name, key) is found and its
 *    instance locked, then the engine gets `messageReceived` for that token
 *    and the commands are applied; the subscription row goes. Rows are read
 *    without a lock and the instance's lock decides (every change to an
 *    instance's subscriptions holds that lock, so there is one lock order:
 *    instance, then its rows): of two correlations of one message, the
 *    second finds the state no longer waiting once it gets the lock, and
 *    looks for the next subscription — the message is delivered once. A row
 *    whose instance no longer waits (cancelled) is removed on the way.
 * 2. nobody waits: each published process whose latest version starts on
 *    that message starts an instance with the data, started by the sender.
 * 3. neither: NOT_FOUND, "no instance waits for message X with key K".
 * Admins may send messages, and members of the group `message-senders`
 * (e.g. the user an outside system signs in as).
 */
export const MESSAGE_SENDERS_GROUP = "message-senders";
export const MESSAGE_DATA_MAX_BYTES = 256 * 1024;

export type CorrelateInput = { name: string; key: string; data: Record<string, unknown> };
export type CorrelateResult =
  | { outcome: "delivered"; instanceId: string; status: string; createdTaskIds: string[] }
  | { outcome: "started"; started: TriggeredStart[] };

export function mayCorrelate(actor: Actor): boolean {
  return actor.role === "admin" || actor.groups.some((g) => g.key === MESSAGE_SENDERS_GROUP);
}

export async function correlateMessage(db: Database, actor: Actor, input: CorrelateInput, options: { now?: Date; mail?: MailSettings | null } = {}): Promise<CorrelateResult> {
  if (!mayCorrelate(actor)) {
    throw forbidden(`Only admins and members of the group "${MESSAGE_SENDERS_GROUP}" may send messages; you are signed in as ${actor.role} "${actor.username}".`);
  }
  const name = input.name.trim();
  const key = input.key.trim();
  if (!name) throw invalidInput("The message needs a name.");
  if (JSON.stringify(input.data).length > MESSAGE_DATA_MAX_BYTES) throw invalidInput(`The message's data is larger than ${MESSAGE_DATA_MAX_BYTES / 1024} KB.`);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const tried: string[] = [];
    if (key) {
      for (;;) {
        const [waiting] = await tx
          .select()
          .from(messageSubscriptions)
          .where(and(eq(messageSubscriptions.messageName, name), eq(messageSubscriptions.correlationKey, key), tried.length ? notInArray(messageSubscriptions.id, tried) : undefined))
          .orderBy(asc(messageSubscriptions.createdAt), asc(messageSubscriptions.id))
          .limit(1);
        if (!waiting) break;
        tried.push(waiting.id);
        const waits = (state: InstanceState) => (state.messages ?? []).some((m) => m.tokenId === waiting.tokenId && m.name === name && m.key === key);
        const stepped = await stepInstance(tx, waiting.instanceId, { type: "messageReceived", name, key, tokenId: waiting.tokenId, payload: input.data }, { now, actorId: actor.userId, accept: waits, mail: options.mail });
        // Delivered, or no longer waiting (delivered by another, instance cancelled): the row goes either way.
        await tx.delete(messageSubscriptions).where(eq(messageSubscriptions.id, waiting.id));
        if (stepped) return { outcome: "delivered" as const, instanceId: stepped.instanceId, status: stepped.status, createdTaskIds: stepped.createdTaskIds };
      }
    }
    const triggers = await tx
      .select()
      .from(startTriggers)
      .where(and(eq(startTriggers.type, "message"), eq(startTriggers.messageName, name)))
      .orderBy(asc(startTriggers.processKey));
    const started: TriggeredStart[] = [];
    const refused: string[] = [];
    for (const trigger of triggers) {
      const pkg = await loadPackage(tx, trigger.packageVersionId);
      const refusal = await startRefusal(tx, pkg.processKey, pkg.version, pkg.definition.name);
      if (refusal) {
        refused.push(refusal);
        continue;
      }
      const how: StartTrigger = { type: "message", message: name };
      const title = key ? `${name} ${key}` : name;
      started.push(await startTriggered(tx, { packageVersionId: pkg.id, data: input.data, starter: { userId: actor.userId, username: actor.username }, title, trigger: how, now: now.toISOString(), mail: options.mail }));
    }
    if (started.length) return { outcome: "started" as const, started };
    if (refused.length) throw conflict(`No instance waits for message "${name}" with key "${key}", and the process it starts cannot start now: ${refused.join(" ")}`);
    throw new UserError("NOT_FOUND", `No instance waits for message "${name}" with key "${key}", and no published process starts on it.`);
  });
}


