import { aliasedTable, and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { groups, instances, packageVersions, taskDrafts, tasks, users, type Database } from "@baton/db";
import { isInGroup, type Actor } from "./actor.ts";
import type { HeldWrites } from "./held-writes.ts";
import { toIso } from "./time.ts";

/**
 * How a task looks to one actor, with what that actor may do with it.
 * Visibility is a rule in one place: a task is visible to its assignee, to
 * members of its candidate group, to whoever completed it, and to admins.
 */
export type TaskSummary = {
  id: string;
  name: string;
  stepId: string;
  processKey: string;
  processName: string;
  processVersion: number;
  instanceId: string;
  instanceTitle: string;
  status: "open" | "completed" | "cancelled";
  assignee: { username: string; displayName: string } | null;
  candidateGroup: { key: string; name: string } | null;
  dueAt: string | null;
  /** The last escalation level that fired while the task was open (0: none). */
  escalationLevel: number;
  createdAt: string;
  completedAt: string | null;
  hasDraft: boolean;
  canClaim: boolean;
  canUnclaim: boolean;
  canComplete: boolean;
  /** Open, and assigned to me (a delegation) or I am an admin (reassigning). */
  canHandOver: boolean;
};

const assignee = aliasedTable(users, "assignee");

export function visibleTo(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  const groupIds = actor.groups.map((g) => g.id);
  return or(
    eq(tasks.assigneeId, actor.userId),
    eq(tasks.completedBy, actor.userId),
    groupIds.length ? inArray(tasks.candidateGroupId, groupIds) : undefined,
  );
}

export function instanceTitle(processName: string, number: number, subject: string): string {
  return `${processName} #${number}${subject ? ` — ${subject}` : ""}`;
}

/** `everyone`: the caller already checked the actor may see these tasks
 * (e.g. all tasks of an instance they started), so skip the visibility rule.
 * The query carries what `held` holds (held-writes.ts): it reads the rows as they were before those writes. */
export async function loadTaskSummaries(
  db: Database,
  actor: Actor,
  where: SQL | undefined,
  scope: "visible" | "everyone" = "visible",
  held?: HeldWrites,
): Promise<TaskSummary[]> {
  const rows = await db
    .with(...(held?.take(db) ?? []))
    .select({
      task: tasks,
      processKey: instances.processKey,
      processName: packageVersions.name,
      processVersion: packageVersions.version,
      number: instances.number,
      subject: instances.title,
      assigneeName: assignee.username,
      assigneeDisplay: assignee.displayName,
      groupKey: groups.key,
      groupName: groups.name,
      hasDraft: sql<boolean>`${taskDrafts.taskId} is not null`,
    })
    .from(tasks)
    .innerJoin(instances, eq(instances.id, tasks.instanceId))
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(groups, eq(groups.id, tasks.candidateGroupId))
    .leftJoin(taskDrafts, eq(taskDrafts.taskId, tasks.id))
    .where(and(where, scope === "visible" ? visibleTo(actor) : undefined))
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.createdAt));
  return rows.map((r) => {
    const open = r.task.status === "open";
    const mine = r.task.assigneeId === actor.userId;
    return {
      id: r.task.id,
      name: r.task.name,
      stepId: r.task.stepId,
      processKey: r.processKey,
      processName: r.processName,
      processVersion: r.processVersion,
      instanceId: r.task.instanceId,
      instanceTitle: instanceTitle(r.processName, r.number, r.subject),
      status: r.task.status,
      assignee: r.assigneeName ? { username: r.assigneeName, displayName: r.assigneeDisplay! } : null,
      candidateGroup: r.groupKey ? { key: r.groupKey, name: r.groupName! } : null,
      dueAt: toIso(r.task.dueAt),
      escalationLevel: r.task.escalationLevel,
      createdAt: toIso(r.task.createdAt),
      completedAt: toIso(r.task.completedAt),
      hasDraft: Boolean(r.hasDraft),
      canClaim: open && r.task.assigneeId === null && isInGroup(actor, r.task.candidateGroupId),
      canUnclaim: open && mine && r.task.candidateGroupId !== null,
      canComplete: open && mine,
      canHandOver: open && (mine || actor.role === "admin"),
    };
  });
}

/** The inbox: open tasks assigned to me, and my groups' unclaimed queue. */
export async function inbox(db: Database, actor: Actor): Promise<{ assigned: TaskSummary[]; groupQueue: TaskSummary[] }> {
  const groupIds = actor.groups.map((g) => g.id);
  const [assigned, groupQueue] = [
    await loadTaskSummaries(db, actor, and(eq(tasks.status, "open"), eq(tasks.assigneeId, actor.userId))),
    groupIds.length
      ? await loadTaskSummaries(db, actor, and(eq(tasks.status, "open"), isNull(tasks.assigneeId), inArray(tasks.candidateGroupId, groupIds)))
      : [],
  ];
  return { assigned, groupQueue };
}
