import { inArray } from "drizzle-orm";
import { groups, users, type Database } from "@baton/db";

/** Display names by user name and group names by key, for people reading a request instead of ids. */
export type DirectoryNames = { people: Record<string, string>; groups: Record<string, string> };

/**
 * The names of the users and groups given (unknown ones are left out, so
 * the reader shows what was stored). One query per kind, only when asked.
 */
export async function directoryNames(db: Database, usernames: Iterable<string>, groupKeys: Iterable<string>): Promise<DirectoryNames> {
  const wantedUsers = [...new Set(usernames)];
  const wantedGroups = [...new Set(groupKeys)];
  const people = wantedUsers.length
    ? await db.select({ key: users.username, name: users.displayName }).from(users).where(inArray(users.username, wantedUsers))
    : [];
  const named = wantedGroups.length ? await db.select({ key: groups.key, name: groups.name }).from(groups).where(inArray(groups.key, wantedGroups)) : [];
  return { people: Object.fromEntries(people.map((p) => [p.key, p.name])), groups: Object.fromEntries(named.map((g) => [g.key, g.name])) };
}
