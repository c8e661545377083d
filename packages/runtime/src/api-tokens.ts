import { randomBytes } from "node:crypto";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, isNull, lt, or } from "drizzle-orm";
import { apiTokens, auditEvents, users, type Database } from "@baton/db";
import { loadActor, type Actor } from "./actor.ts";
import { sha256 } from "./canonical-hash.ts";
import { conflict, forbidden, notFound, UserError } from "./errors.ts";
import { requireId } from "./ids.ts";
import { toIso } from "./time.ts";

/**
 * Personal API tokens: how an outside system (a payment provider, a web
 * shop) calls Baton as one user, with that user's rights and nothing more,
 * without a browser session.
 * - create: an admin for anyone, a user for themself. The secret
 *   (`baton_` + 32 random bytes, base64url) is returned once; only its
 *   SHA-256 is stored, with its first characters to tell tokens apart.
 * - a call: `actorForToken` finds the token by the hash of what was sent (an
 *   index lookup, so no comparison leaks the secret by its timing), refuses
 *   an unknown, revoked or expired token or a disabled user, and notes when
 *   the token was last used (at most once a minute: not a write per call).
 * - revoke: the token stops working at once; the row stays, for the record.
 * Creating and revoking are audited (who, which token; never the secret).
 */
export const API_TOKEN_PREFIX = "baton_";
/** How many characters of the secret are kept to show: `baton_` and six random ones. */
export const API_TOKEN_SHOWN_CHARS = API_TOKEN_PREFIX.length + 6;
export const API_TOKEN_NAME_MAX = 100;
export const API_TOKEN_EXPIRES_DAYS_MAX = 3650;
const LAST_USED_EVERY_MS = 60_000;

export type ApiTokenStatus = "active" | "expired" | "revoked";

export type ApiTokenView = {
  id: string;
  username: string;
  name: string;
  /** The secret's first characters, e.g. `baton_Xy3kQ9`. */
  prefix: string;
  createdAt: string;
  /** Who created it (an admin, or the user themself); null when that user is gone. */
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: ApiTokenStatus;
};

export type NewApiToken = { username: string; name: string; expiresInDays?: number | null };

function unauthenticated(message: string): UserError {
  return new UserError("UNAUTHENTICATED", message);
}

function mayManage(actor: Actor, username: string): void {
  if (actor.role !== "admin" && actor.username !== username) {
    throw forbidden(`Only admins may manage another user's API tokens; you are signed in as ${actor.role} "${actor.username}".`);
  }
}

function checkName(value: string): string {
  const name = value.trim();
  if (!name) throw new UserError("INVALID_INPUT", "Give the token a name, e.g. the system that will use it.", { fieldErrors: [{ path: "name", message: "enter a name" }] });
  if (name.length > API_TOKEN_NAME_MAX) {
    throw new UserError("INVALID_INPUT", `The token's name must have at most ${API_TOKEN_NAME_MAX} characters.`, { fieldErrors: [{ path: "name", message: `at most ${API_TOKEN_NAME_MAX} characters` }] });
  }
  return name;
}

function expiryOf(days: number | null | undefined, now: Date): string | null {
  if (days === null || days === undefined) return null;
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_EXPIRES_DAYS_MAX) {
    throw new UserError("INVALID_INPUT", `A token expires after 1 to ${API_TOKEN_EXPIRES_DAYS_MAX} whole days, or never.`, { fieldErrors: [{ path: "expiresInDays", message: `1 to ${API_TOKEN_EXPIRES_DAYS_MAX} days, or empty for never` }] });
  }
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

export function apiTokenStatus(token: { revokedAt: string | null; expiresAt: string | null }, now: Date): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Creates a token for `username`; the secret in the answer is never shown again. */
export async function createApiToken(db: Database, actor: Actor, input: NewApiToken, options: { now?: Date } = {}): Promise<{ token: ApiTokenView; secret: string }> {
  const now = options.now ?? new Date();
  const username = input.username.trim();
  mayManage(actor, username);
  const name = checkName(input.name);
  const expiresAt = expiryOf(input.expiresInDays, now);
  const [user] = await db.select({ id: users.id, disabled: users.disabled }).from(users).where(eq(users.username, username));
  if (!user) throw notFound(`User "${username}"`);
  if (user.disabled) throw conflict(`User "${username}" is disabled: enable them before giving them an API token.`);
  const secret = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = secret.slice(0, API_TOKEN_SHOWN_CHARS);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: user.id, name, tokenHash: sha256(secret), prefix, createdBy: actor.userId, createdAt: now.toISOString(), expiresAt })
      .returning({ id: apiTokens.id });
    await tx.insert(auditEvents).values({ actorId: actor.userId, type: "apiToken.created", data: { tokenId: row!.id, username, name, prefix, expiresAt } });
    return row!.id;
  });
  const [token] = await selectTokens(db, eq(apiTokens.id, id), now);
  return { token: token!, secret };
}

/** Admins see every token (or one user's, with `username`); anyone else only their own. Never the secret. */
export async function listApiTokens(db: Database, actor: Actor, input: { username?: string } = {}, options: { now?: Date } = {}): Promise<ApiTokenView[]> {
  const username = input.username?.trim() || (actor.role === "admin" ? undefined : actor.username);
  if (username !== undefined) mayManage(actor, username);
  return selectTokens(db, username === undefined ? undefined : eq(users.username, username), options.now ?? new Date());
}

export async function revokeApiToken(db: Database, actor: Actor, input: { id: string }, options: { now?: Date } = {}): Promise<ApiTokenView> {
  const now = options.now ?? new Date();
  const id = requireId(input.id.trim(), "API token");
  const [found] = await selectTokens(db, eq(apiTokens.id, id), now);
  // Someone else's token reads as not found to a non-admin: ids are not proof of anything.
  if (!found || (actor.role !== "admin" && found.username !== actor.username)) throw notFound(`API token "${id}"`);
  if (found.revokedAt) throw conflict(`The API token "${found.name}" (${found.prefix}…) was already revoked on ${found.revokedAt}.`);
  await db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: now.toISOString() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    await tx.insert(auditEvents).values({ actorId: actor.userId, type: "apiToken.revoked", data: { tokenId: id, username: found.username, name: found.name, prefix: found.prefix } });
  });
  return { ...found, revokedAt: now.toISOString(), status: "revoked" };
}

/**
 * The actor a bearer token speaks for. Throws UNAUTHENTICATED, saying why,
 * for a token that is unknown, revoked or expired, or whose user is disabled.
 */
export async function actorForToken(db: Database, secret: string, now: Date = new Date()): Promise<Actor> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) throw unauthenticated(`That is not a Baton API token: one starts with "${API_TOKEN_PREFIX}".`);
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, revokedAt: apiTokens.revokedAt, expiresAt: apiTokens.expiresAt, disabled: users.disabled, username: users.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sha256(secret)));
  if (!row) throw unauthenticated("This API token is not known to Baton: check that it was copied whole, or ask for a new one.");
  const status = apiTokenStatus(row, now);
  if (status === "revoked") throw unauthenticated(`The API token "${row.name}" was revoked on ${toIso(row.revokedAt)}; ask for a new one.`);
  if (status === "expired") throw unauthenticated(`The API token "${row.name}" expired on ${toIso(row.expiresAt)}; ask for a new one.`);
  if (row.disabled) throw unauthenticated(`The API token "${row.name}" belongs to "${row.username}", who is disabled.`);
  const stale = new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString();
  // One conditional statement: of many calls in the same minute, the first writes and the rest match nothing.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))));
  return loadActor(db, { userId: row.userId });
}

async function selectTokens(db: Database, where: ReturnType<typeof eq> | undefined, now: Date): Promise<ApiTokenView[]> {
  const creators = alias(users, "creators");
  const rows = await db
    .select({ token: apiTokens, username: users.username, createdBy: creators.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(creators, eq(creators.id, apiTokens.createdBy))
    .where(where)
    .orderBy(asc(users.username), desc(apiTokens.createdAt), asc(apiTokens.id));
  return rows.map(({ token, username, createdBy }) => ({
    id: token.id,
    username,
    name: token.name,
    prefix: token.prefix,
    createdAt: toIso(token.createdAt),
    createdBy,
    lastUsedAt: toIso(token.lastUsedAt),
    expiresAt: toIso(token.expiresAt),
    revokedAt: toIso(token.revokedAt),
    status: apiTokenStatus(token, now),
  }));
}
