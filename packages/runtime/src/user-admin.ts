import { randomInt } from "node:crypto";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { auditEvents, groups, memberships, sessions, users, type Database } from "@baton/db";
import { requireRole, type Actor, type Role } from "./actor.ts";
import { conflict, invalidInput, notFound, UserError } from "./errors.ts";
import { hashPassword } from "./passwords.ts";
import { toIso } from "./time.ts";

/**
 * What an admin does with people and groups: create users, change their
 * name, e-mail and role, disable and enable them, reset passwords, create
 * groups and change who is in them. Every change is audited (who, what,
 * never a password). The last active admin can be neither disabled nor
 * given another role, so Baton always keeps someone who can administer it.
 * Disabling a user or resetting their password signs them out everywhere.
 */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,49}$/;
export const GROUP_KEY = /^[a-z0-9][a-z0-9-]{1,49}$/;
export const MIN_PASSWORD = 10;

export type AdminUser = {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  disabled: boolean;
  groups: string[];
  createdAt: string;
};

export type AdminGroup = { key: string; name: string; members: string[] };

export async function listUsersAndGroups(db: Database, actor: Actor): Promise<{ users: AdminUser[]; groups: AdminGroup[] }> {
  requireRole(actor, ["admin"], "manage users and groups");
  const userRows = await db.select().from(users).orderBy(asc(users.username));
  const groupRows = await db.select().from(groups).orderBy(asc(groups.name));
  const memberRows = await db
    .select({ username: users.username, key: groups.key })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(users.username));
  return {
    users: userRows.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      role: u.role,
      disabled: u.disabled,
      groups: memberRows.filter((m) => m.username === u.username).map((m) => m.key).sort(),
      createdAt: toIso(u.createdAt),
    })),
    groups: groupRows.map((g) => ({ key: g.key, name: g.name, members: memberRows.filter((m) => m.key === g.key).map((m) => m.username) })),
  };
}

/** A password to hand over once: 16 letters and digits without look-alikes (≈ 90 bits). */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let out = "";
  for (let i = 0; i < 16; i++) out += alphabet[randomInt(alphabet.length)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12)}`;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) throw new UserError("INVALID_INPUT", `The password must have at least ${MIN_PASSWORD} characters.`, { fieldErrors: [{ path: "password", message: `at least ${MIN_PASSWORD} characters` }] });
  if (password.length > 200) throw new UserError("INVALID_INPUT", "The password must have at most 200 characters.", { fieldErrors: [{ path: "password", message: "at most 200 characters" }] });
}

export type NewUser = { username: string; displayName: string; email?: string | null; role: Role; groups: string[]; password?: string };

/** Creates a user; without `password`, generates one. Returns the password to hand over (shown once, never stored in clear). */
export async function createUser(db: Database, actor: Actor, input: NewUser): Promise<{ username: string; password: string }> {
  requireRole(actor, ["admin"], "create users");
  const username = input.username.trim();
  if (!USERNAME.test(username)) {
    throw new UserError("INVALID_INPUT", `"${username}" cannot be a user name: use 2–50 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.`, {
      fieldErrors: [{ path: "username", message: "2–50 of a–z, 0–9, . _ -" }],
    });
  }
  const displayName = requireName(input.displayName, "displayName");
  const password = input.password ?? generatePassword();
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new UserError("CONFLICT", `There is already a user "${username}".`, { fieldErrors: [{ path: "username", message: "already taken" }] });
    const groupIds = await groupIdsOf(tx, input.groups);
    const [row] = await tx
      .insert(users)
      .values({ username, displayName, email: emailOrNull(input.email), role: input.role, passwordHash })
      .returning({ id: users.id });
    for (const groupId of groupIds) await tx.insert(memberships).values({ userId: row!.id, groupId });
    await audit(tx, actor, "user.created", { username, role: input.role, groups: [...input.groups].sort(), passwordGenerated: input.password === undefined });
    return { username, password };
  });
}

/** Name, e-mail and role; the last active admin keeps the admin role. */
export async function updateUser(db: Database, actor: Actor, input: { username: string; displayName: string; email?: string | null; role: Role }): Promise<void> {
  requireRole(actor, ["admin"], "change users");
  const displayName = requireName(input.displayName, "displayName");
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, input.username);
    if (user.role === "admin" && input.role !== "admin") await requireAnotherAdmin(tx, user.id, `"${user.username}" is the last active admin and must stay an admin; make someone else an admin first.`);
    const email = emailOrNull(input.email);
    await tx.update(users).set({ displayName, email, role: input.role }).where(eq(users.id, user.id));
    const changes: Record<string, unknown> = {};
    if (displayName !== user.displayName) changes.displayName = displayName;
    if (email !== user.email) changes.email = email;
    if (input.role !== user.role) changes.role = { from: user.role, to: input.role };
    if (Object.keys(changes).length > 0) await audit(tx, actor, "user.updated", { username: user.username, ...changes });
  });
}

export async function setUserDisabled(db: Database, actor: Actor, input: { username: string; disabled: boolean }): Promise<void> {
  requireRole(actor, ["admin"], "disable or enable users");
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, input.username);
    if (user.disabled === input.disabled) return;
    if (input.disabled) {
      if (user.id === actor.userId) throw conflict("You cannot disable yourself; another admin can.");
      if (user.role === "admin") await requireAnotherAdmin(tx, user.id, `"${user.username}" is the last active admin and cannot be disabled.`);
      await tx.delete(sessions).where(eq(sessions.userId, user.id));
    }
    await tx.update(users).set({ disabled: input.disabled }).where(eq(users.id, user.id));
    await audit(tx, actor, input.disabled ? "user.disabled" : "user.enabled", { username: user.username });
  });
}

/** Sets a new password (given, or generated) and signs the user out everywhere; returns it to hand over once. */
export async function resetPassword(db: Database, actor: Actor, input: { username: string; password?: string }): Promise<{ username: string; password: string }> {
  requireRole(actor, ["admin"], "reset passwords");
  const password = input.password ?? generatePassword();
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, input.username);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await audit(tx, actor, "user.password-reset", { username: user.username, passwordGenerated: input.password === undefined });
    return { username: user.username, password };
  });
}

export async function createGroup(db: Database, actor: Actor, input: { key: string; name: string }): Promise<void> {
  requireRole(actor, ["admin"], "create groups");
  const key = input.key.trim();
  if (!GROUP_KEY.test(key)) {
    throw new UserError("INVALID_INPUT", `"${key}" cannot be a group key: use 2–50 lower-case letters, digits or dashes, starting with a letter or digit.`, {
      fieldErrors: [{ path: "key", message: "2–50 of a–z, 0–9, -" }],
    });
  }
  const name = requireName(input.name, "name");
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.key, key));
    if (taken) throw new UserError("CONFLICT", `There is already a group "${key}".`, { fieldErrors: [{ path: "key", message: "already taken" }] });
    await tx.insert(groups).values({ key, name });
    await audit(tx, actor, "group.created", { key, name });
  });
}

/** Adds a user to a group or takes them out. */
export async function setMembership(db: Database, actor: Actor, input: { username: string; group: string; member: boolean }): Promise<void> {
  requireRole(actor, ["admin"], "change group membership");
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, input.username);
    const [groupId] = await groupIdsOf(tx, [input.group]);
    const changed = input.member
      ? await tx.insert(memberships).values({ userId: user.id, groupId: groupId! }).onConflictDoNothing().returning()
      : await tx.delete(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.groupId, groupId!))).returning();
    if (changed.length > 0) await audit(tx, actor, input.member ? "group.member-added" : "group.member-removed", { username: user.username, group: input.group });
  });
}


async function lockUser(tx: Database, username: string) {
  const [user] = await tx.select().from(users).where(eq(users.username, username)).for("update");
  if (!user) throw notFound(`User "${username}"`);
  return user;
}

/** Admin changes are serialised (advisory lock), so two admins cannot each remove the other. */
async function requireAnotherAdmin(tx: Database, userId: string, message: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('baton.admins'))`);
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, userId)))
    .limit(1);
  if (others.length === 0) throw conflict(message);
}

async function groupIdsOf(tx: Database, keys: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const key of new Set(keys)) {
    const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.key, key));
    if (!group) throw new UserError("NOT_FOUND", `Group "${key}" was not found.`, { fieldErrors: [{ path: "groups", message: `no group "${key}"` }] });
    ids.push(group.id);
  }
  return ids;
}

function requireName(value: string, path: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new UserError("INVALID_INPUT", "The name must not be empty.", { fieldErrors: [{ path, message: "enter a name" }] });
  if (trimmed.length > 100) throw new UserError("INVALID_INPUT", "The name must have at most 100 characters.", { fieldErrors: [{ path, message: "at most 100 characters" }] });
  return trimmed;
}

function emailOrNull(email: string | null | undefined): string | null {
  const trimmed = email?.trim() ?? "";
  if (!trimmed) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) || trimmed.length > 200) {
    throw new UserError("INVALID_INPUT", `"${trimmed}" is not an e-mail address.`, { fieldErrors: [{ path: "email", message: "not an e-mail address" }] });
  }
  return trimmed;
}

async function audit(tx: Database, actor: Actor, type: string, data: Record<string, unknown>): Promise<void> {
  await tx.insert(auditEvents).values({ actorId: actor.userId, type, data });
}
