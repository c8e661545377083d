import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { groups, memberships, users, type Database } from "@baton/db";
import type { EngineEnv } from "@baton/engine";
import type { ProcessDefinition } from "@baton/model";

/**
 * What the engine is handed for one step: the time, fresh ids, and the
 * members of the groups whose people vote in the definition's approvals
 * (the engine is pure, so the directory is read here, before the step, in
 * the same transaction). Only those groups are read, once per step;
 * disabled users do not vote.
 */
export async function engineEnv(tx: Database, definition: ProcessDefinition, now: string): Promise<EngineEnv> {
  const voting = [
    ...new Set(definition.steps.flatMap((s) => (s.kind === "approval" && s.several && s.approvers.type === "group" ? [s.approvers.group] : []))),
  ];
  if (voting.length === 0) return { now, newId: randomUUID };
  const rows = await tx
    .select({ group: groups.key, username: users.username })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(groups.key, voting), eq(users.disabled, false)))
    .orderBy(users.username);
  const members = new Map<string, string[]>();
  for (const row of rows) members.set(row.group, [...(members.get(row.group) ?? []), row.username]);
  return { now, newId: randomUUID, groupMembers: (key) => members.get(key) ?? [] };
}
