import { and, eq, sql } from "drizzle-orm";
import { assignmentCursors, memberships, tasks, users, type Database } from "@baton/db";

/** How a group's task is handed to one member (the engine's `createTask.strategy`). */
export type HandOutStrategy = "roundRobin" | "leastLoaded";

export type HandOut =
  | { ok: true; userId: string; username: string; reason: string }
  | { ok: false; reason: string };

const strategyWords: Record<HandOutStrategy, string> = { roundRobin: "round robin", leastLoaded: "least loaded" };

/**
 * Picks the member of a group who gets a new task, inside the caller's
 * transaction:
 *  1. make sure the cursor row of (process key, step id, group) exists, then
 *     lock it (FOR UPDATE): picks for the same step queue here, so on
 *     PostgreSQL two concurrent starts never both read the same "last";
 *  2. read the active (not disabled) members in a fixed order, with the
 *     number of open tasks each has now (read after the lock, so a pick
 *     committed meanwhile counts);
 *  3. round robin: the first member after the last one who got a task
 *     (wrapping round; a member who left the group is simply passed);
 *     least loaded: among those with the fewest open tasks, the next in
 *     turn after the last, so equals share the work;
 *  4. remember who got it.
 * No active member: nobody is picked and `reason` says why; the caller
 * leaves the task in the group's queue.
 */
export async function pickGroupMember(
  tx: Database,
  input: { processKey: string; stepId: string; groupId: string; groupKey: string; strategy: HandOutStrategy; now: string },
): Promise<HandOut> {
  const cursorKey = and(
    eq(assignmentCursors.processKey, input.processKey),
    eq(assignmentCursors.stepId, input.stepId),
    eq(assignmentCursors.groupId, input.groupId),
  );
  await tx
    .insert(assignmentCursors)
    .values({ processKey: input.processKey, stepId: input.stepId, groupId: input.groupId, updatedAt: input.now })
    .onConflictDoNothing();
  const [cursor] = await tx.select({ last: assignmentCursors.lastUsername }).from(assignmentCursors).where(cursorKey).for("update");
  const last = cursor?.last ?? null;

  const rows = await tx
    .select({ userId: users.id, username: users.username, open: sql<number>`count(${tasks.id})::int` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(tasks, and(eq(tasks.assigneeId, users.id), eq(tasks.status, "open")))
    .where(and(eq(memberships.groupId, input.groupId), eq(users.disabled, false)))
    .groupBy(users.id, users.username);
  // Ordered here, by code points, so "after the last" means the same whatever the database's collation.
  const members = rows.map((r) => ({ ...r, open: Number(r.open) })).sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  const how = strategyWords[input.strategy];
  if (members.length === 0) return { ok: false, reason: `group "${input.groupKey}" has no active members to hand it to by ${how}` };

  const inTurn = <M extends { username: string }>(candidates: M[]): M =>
    (last === null ? undefined : candidates.find((m) => m.username > last)) ?? candidates[0]!;
  let chosen: (typeof members)[number];
  let reason: string;
  if (input.strategy === "roundRobin") {
    chosen = inTurn(members);
    reason = last === null ? `${how}: the first of group "${input.groupKey}"` : `${how}: next in group "${input.groupKey}" after ${last}`;
  } else {
    const fewest = Math.min(...members.map((m) => m.open));
    chosen = inTurn(members.filter((m) => m.open === fewest));
    reason = `${how}: ${fewest} open task${fewest === 1 ? "" : "s"}, the fewest in group "${input.groupKey}"`;
  }
  await tx.update(assignmentCursors).set({ lastUsername: chosen.username, updatedAt: input.now }).where(cursorKey);
  return { ok: true, userId: chosen.userId, username: chosen.username, reason };
}
