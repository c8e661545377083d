import { and, asc, eq, type SQL } from "drizzle-orm";
import { instances, messageSubscriptions, type Database } from "@baton/db";
import { requireRole, type Actor } from "../actor.ts";

export type WaitingMessage = {
  messageName: string;
  correlationKey: string;
  instanceId: string;
  instanceNumber: number;
  processKey: string;
  title: string;
  stepId: string;
  since: string;
};

/** For admins: what running instances wait for, oldest first, optionally of one message name. */
export async function waitingMessages(db: Database, actor: Actor, filter: { name?: string; limit?: number } = {}): Promise<WaitingMessage[]> {
  requireRole(actor, ["admin"], "see which messages instances wait for");
  const where: SQL[] = [];
  if (filter.name?.trim()) where.push(eq(messageSubscriptions.messageName, filter.name.trim()));
  return db
    .select({
      messageName: messageSubscriptions.messageName,
      correlationKey: messageSubscriptions.correlationKey,
      instanceId: instances.id,
      instanceNumber: instances.number,
      processKey: instances.processKey,
      title: instances.title,
      stepId: messageSubscriptions.stepId,
      since: messageSubscriptions.createdAt,
    })
    .from(messageSubscriptions)
    .innerJoin(instances, eq(instances.id, messageSubscriptions.instanceId))
    .where(and(...where))
    .orderBy(asc(messageSubscriptions.createdAt), asc(messageSubscriptions.id))
    .limit(Math.min(Math.max(filter.limit ?? 200, 1), 1000));
}
