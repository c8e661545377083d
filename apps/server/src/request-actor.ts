import type { FastifyRequest } from "fastify";
import type { Database } from "@baton/db";
import { actorForSession, actorForToken, UserError, type Actor } from "@baton/runtime";

/**
 * Who sends a request: with an `Authorization` header, the user of the
 * bearer API token it carries, and nothing else (a bad token is refused,
 * never passed over for the session cookie); without one, the user of the
 * session cookie, or nobody (null).
 */
export type RequestActor = { actor: Actor | null; viaApiToken: boolean };

export async function actorOfRequest(db: Database, request: FastifyRequest, sessionCookie: string, now = new Date()): Promise<RequestActor> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (!match) throw new UserError("UNAUTHENTICATED", 'Send the API token as "Authorization: Bearer <token>".');
    return { actor: await actorForToken(db, match[1]!, now), viaApiToken: true };
  }
  return { actor: await actorForSession(db, request.cookies[sessionCookie], now), viaApiToken: false };
}
