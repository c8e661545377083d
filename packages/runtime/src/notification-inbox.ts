import { and, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { instances, notifications, packageVersions, tasks, type Database } from "@baton/db";
import type { Actor } from "./actor.ts";
import { invalidInput, notFound } from "./errors.ts";
import { isId, requireId } from "./ids.ts";
import type { NotificationKind } from "./notifications.ts";
import { toIso } from "./time.ts";
import { instanceTitle, visibleTo } from "./task-views.ts";

/**
 * A person's notifications (the portal's bell). Every function here reads
 * or changes the actor's own rows only: another person's notification id
 * answers "not found", like an id that does not exist.
 *
 * `link` is where the portal sends the reader: the task when they may open
 * it, else the request when they may see it (its starter, someone with a
 * task in it, an admin), else nothing, so a link never leads to a refusal
 * and never names work the reader may not see.
 */
export type NotificationView = {
  id: string;
  kind: NotificationKind;
  subject: string;
  message: string;
  createdAt: string;
  readAt: string | null;
  link: { to: "task" | "request"; id: string; label: string } | null;
};

export const NOTIFICATION_PAGE = { default: 20, max: 50 } as const;

const mine = (actor: Actor) => eq(notifications.userId, actor.userId);

/** Newest first; `cursor` is the id of the last notification of the previous page. */
export async function listNotifications(
  db: Database,
  actor: Actor,
  page: { limit?: number; cursor?: string | null } = {},
): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
  const limit = page.limit ?? NOTIFICATION_PAGE.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > NOTIFICATION_PAGE.max) throw invalidInput(`"limit" must be a whole number from 1 to ${NOTIFICATION_PAGE.max}, not ${limit}.`);
  const after = page.cursor ? await notOlderThan(db, actor, page.cursor, "<", "cursor") : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine(actor), after))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const links = await linksFor(db, actor, items);
  return {
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      subject: n.subject,
      message: n.message,
      createdAt: toIso(n.createdAt),
      readAt: toIso(n.readAt),
      link: links.get(n.id) ?? null,
    })),
    nextCursor: rows.length > limit ? items.at(-1)!.id : null,
  };
}

export async function unreadNotificationCount(db: Database, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the actor's notifications read; one read before keeps its first reading time. */
export async function markNotificationRead(db: Database, actor: Actor, id: string, now: Date): Promise<{ id: string; readAt: string }> {
  requireId(id, "Notification");
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), mine(actor)))
    .returning({ id: notifications.id, readAt: notifications.readAt });
  if (!row) throw notFound(`Notification "${id}"`);
  return { id: row.id, readAt: toIso(row.readAt!) };
}

/**
 * Marks the actor's unread notifications read: all of them, or with
 * `upTo` (the newest one the reader was shown) only that one and older, so
 * one that arrived meanwhile stays unread. Answers how many changed.
 */
export async function markAllNotificationsRead(db: Database, actor: Actor, now: Date, upTo?: string | null): Promise<{ marked: number }> {
  const notNewer = upTo ? await notOlderThan(db, actor, upTo, "<=", "upTo") : undefined;
  const rows = await db
    .update(notifications)
    .set({ readAt: now.toISOString() })
    .where(and(mine(actor), isNull(notifications.readAt), notNewer))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}

/**
 * The condition "(created, id) `op` that notification's": newest-first
 * order is by creation time, then id, so pages neither skip nor repeat
 * rows created in the same microsecond.
 */
async function notOlderThan(db: Database, actor: Actor, id: string, op: "<" | "<=", name: string): Promise<SQL> {
  const [anchor] = isId(id)
    ? await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), mine(actor)))
    : [];
  if (!anchor) throw invalidInput(`"${name}" must be the id of one of your notifications; "${id}" is not.`);
  const row = sql`(select n.created_at, n.id from ${notifications} n where n.id = ${id}::uuid)`;
  return sql`(${notifications.createdAt}, ${notifications.id}) ${sql.raw(op)} ${row}`;
}

async function linksFor(db: Database, actor: Actor, items: { id: string; instanceId: string | null; taskId: string | null }[]) {
  const links = new Map<string, NonNullable<NotificationView["link"]>>();
  const instanceIds = [...new Set(items.flatMap((n) => (n.instanceId ? [n.instanceId] : [])))];
  if (instanceIds.length === 0) return links;
  const taskIds = [...new Set(items.flatMap((n) => (n.taskId ? [n.taskId] : [])))];
  const visibleTasks = new Map(
    taskIds.length
      ? (await db.select({ id: tasks.id, name: tasks.name }).from(tasks).where(and(inArray(tasks.id, taskIds), visibleTo(actor)))).map((t) => [t.id, t.name])
      : [],
  );
  const withMyTasks = new Set(
    (await db.selectDistinct({ id: tasks.instanceId }).from(tasks).where(and(inArray(tasks.instanceId, instanceIds), visibleTo(actor)))).map((t) => t.id),
  );
  const requests = await db
    .select({ id: instances.id, number: instances.number, title: instances.title, startedBy: instances.startedBy, name: packageVersions.name })
    .from(instances)
    .innerJoin(packageVersions, eq(packageVersions.id, instances.packageVersionId))
    .where(inArray(instances.id, instanceIds));
  const visibleRequests = new Map(
    requests
      .filter((r) => actor.role === "admin" || r.startedBy === actor.userId || withMyTasks.has(r.id))
      .map((r) => [r.id, instanceTitle(r.name, r.number, r.title)]),
  );
  for (const n of items) {
    const taskName = n.taskId ? visibleTasks.get(n.taskId) : undefined;
    const request = n.instanceId ? visibleRequests.get(n.instanceId) : undefined;
    if (n.taskId && taskName !== undefined) links.set(n.id, { to: "task", id: n.taskId, label: request ? `${taskName} · ${request}` : taskName });
    else if (n.instanceId && request !== undefined) links.set(n.id, { to: "request", id: n.instanceId, label: request });
  }
  return links;
}
