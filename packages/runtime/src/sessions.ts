import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { sessions, users, type Database } from "@baton/db";
import { loadActor, type Actor } from "./actor.ts";
import { sha256 } from "./canonical-hash.ts";
import { UserError } from "./errors.ts";
import { LoginThrottle } from "./login-throttle.ts";
import { verifyPassword } from "./passwords.ts";

/**
 * Password sign-in and cookie sessions. The cookie holds a random token; the
 * database holds only its SHA-256, so a leaked table signs nobody in.
 */
export const SESSION_DAYS = 14;

// Per user name: a few guesses. Per address: many more, since a whole
// office may sign in from one address behind its router.
const userThrottle = new LoginThrottle({ maxFailures: 5, windowMs: 15 * 60_000 });
const addressThrottle = new LoginThrottle({ maxFailures: 50, windowMs: 15 * 60_000 });

export async function signIn(
  db: Database,
  username: string,
  password: string,
  now: Date,
  clientAddress = "unknown",
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const userKey = [username.trim().toLowerCase()];
  const addressKey = [clientAddress];
  const wait = Math.max(userThrottle.retryAfter(userKey, now.getTime()), addressThrottle.retryAfter(addressKey, now.getTime()));
  if (wait > 0) {
    throw new UserError("UNAUTHENTICATED", `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60_000)} minute${wait > 60_000 ? "s" : ""}.`);
  }
  const [user] = await db.select().from(users).where(eq(users.username, username.trim()));
  // Same answer for an unknown user and a wrong password: no user enumeration.
  const ok = user && !user.disabled && (await verifyPassword(user.passwordHash, password));
  if (!user || !ok) {
    userThrottle.fail(userKey, now.getTime());
    addressThrottle.fail(addressKey, now.getTime());
    throw new UserError("UNAUTHENTICATED", "Wrong user name or password.");
  }
  userThrottle.succeed(userKey);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt: expiresAt.toISOString() });
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now.toISOString())));
  return { token, expiresAt, actor: await loadActor(db, { userId: user.id }) };
}

/** The signed-in actor for a cookie token, or null when absent/expired/disabled. */
export async function actorForSession(db: Database, token: string | undefined, now: Date): Promise<Actor | null> {
  if (!token) return null;
  const [row] = await db
    .select({ userId: sessions.userId, disabled: users.disabled })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now.toISOString())));
  if (!row || row.disabled) return null;
  return loadActor(db, { userId: row.userId });
}

export async function signOut(db: Database, token: string | undefined): Promise<void> {
  if (token) await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}
