import { eq } from "drizzle-orm";
import { groups, memberships, users, type Database } from "@baton/db";
import { forbidden, notFound } from "./errors.ts";

/** Who is asking: every runtime operation takes one and checks it. */
export type Role = "admin" | "analyst" | "participant";
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  groups: { id: string; key: string; name: string }[];
};

export async function loadActor(db: Database, by: { userId: string } | { username: string }): Promise<Actor> {
  const where = "userId" in by ? eq(users.id, by.userId) : eq(users.username, by.username);
  const [user] = await db.select().from(users).where(where);
  if (!user) throw notFound("userId" in by ? "That user" : `User "${by.username}"`);
  if (user.disabled) throw forbidden(`User "${user.username}" is disabled.`);
  const rows = await db
    .select({ id: groups.id, key: groups.key, name: groups.name })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(eq(memberships.userId, user.id))
    .orderBy(groups.key);
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, groups: rows };
}

export function requireRole(actor: Actor, roles: Role[], doing: string): void {
  if (!roles.includes(actor.role)) {
    throw forbidden(`Only ${roles.join(" or ")} users may ${doing}; you are signed in as ${actor.role} "${actor.username}".`);
  }
}

export const isInGroup = (actor: Actor, groupId: string | null): boolean =>
  groupId !== null && actor.groups.some((g) => g.id === groupId);
