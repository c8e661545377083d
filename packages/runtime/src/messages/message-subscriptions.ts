import { and, eq } from "drizzle-orm";
import { messageSubscriptions, type Database } from "@baton/db";
import type { MessageSubscription } from "@baton/engine";

/**
 * The engine's message waits as rows: `waitForMessage` adds one,
 * `stopWaiting` removes it, always inside the step that holds the
 * instance's lock. A token that waits at the same step again (an incident
 * retried) replaces its row rather than adding a second.
 */
export async function subscribeToMessage(tx: Database, instanceId: string, subscription: MessageSubscription, now: string): Promise<void> {
  await tx
    .insert(messageSubscriptions)
    .values({ instanceId, tokenId: subscription.tokenId, stepId: subscription.stepId, messageName: subscription.name, correlationKey: subscription.key, createdAt: now })
    .onConflictDoUpdate({
      target: [messageSubscriptions.instanceId, messageSubscriptions.tokenId, messageSubscriptions.stepId],
      set: { messageName: subscription.name, correlationKey: subscription.key, createdAt: now },
    });
}

/** By token and message, not step: a migrated instance's subscription may stand at a step of another id, never for another message. */
export async function unsubscribeFromMessage(tx: Database, instanceId: string, subscription: Pick<MessageSubscription, "tokenId" | "name" | "key">): Promise<void> {
  await tx
    .delete(messageSubscriptions)
    .where(
      and(
        eq(messageSubscriptions.instanceId, instanceId),
        eq(messageSubscriptions.tokenId, subscription.tokenId),
        eq(messageSubscriptions.messageName, subscription.name),
        eq(messageSubscriptions.correlationKey, subscription.key),
      ),
    );
}
