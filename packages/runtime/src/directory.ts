import { asc, eq } from "drizzle-orm";
import { groups, memberships, users, type Database } from "@baton/db";
import type { Role } from "./actor.ts";
import { hashPassword } from "./passwords.ts";

/** Users and groups: who can be assigned work. */
export type DirectoryUser = { username: string; displayName: string; role: Role; disabled: boolean; groups: string[] };

export async function listDirectory(db: Database): Promise<{
  users: DirectoryUser[];
  groups: { key: string; name: string }[];
}> {
  const userRows = await db.select().from(users).orderBy(asc(users.username));
  const groupRows = await db.select().from(groups).orderBy(asc(groups.key));
  const memberRows = await db
    .select({ userId: memberships.userId, key: groups.key })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId));
  return {
    users: userRows.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      disabled: u.disabled,
      groups: memberRows.filter((m) => m.userId === u.id).map((m) => m.key).sort(),
    })),
    groups: groupRows.map((g) => ({ key: g.key, name: g.name })),
  };
}

/** Creates the group when missing; returns its id either way. */
export async function ensureGroup(db: Database, key: string, name: string): Promise<string> {
  await db.insert(groups).values({ key, name }).onConflictDoNothing({ target: groups.key });
  const [row] = await db.select({ id: groups.id }).from(groups).where(eq(groups.key, key));
  return row!.id;
}

/** Creates the user (with a hashed password) when missing, and adds the
 * memberships it lacks. Returns whether the user was created. */
export async function ensureUser(
  db: Database,
  user: { username: string; displayName: string; email?: string; role: Role; password: string; groups: string[] },
): Promise<boolean> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, user.username));
  let id = existing?.id;
  if (!id) {
    const [row] = await db
      .insert(users)
      .values({
        username: user.username,
        displayName: user.displayName,
        email: user.email,
        role: user.role,
        passwordHash: await hashPassword(user.password),
      })
      .returning({ id: users.id });
    id = row!.id;
  }
  for (const key of user.groups) {
    const [group] = await db.select({ id: groups.id }).from(groups).where(eq(groups.key, key));
    if (!group) throw new Error(`Group "${key}" does not exist (needed by user "${user.username}").`);
    await db.insert(memberships).values({ userId: id, groupId: group.id }).onConflictDoNothing();
  }
  return !existing;
}
