import type { Database } from "@baton/db";
import type { Actor, MailSettings } from "@baton/runtime";

/**
 * What every procedure gets: the database, who is asking (resolved before
 * the call from the session cookie, or from an `Authorization: Bearer`
 * API token, never both) and a way to set or clear that cookie.
 * The HTTP server builds it; the API knows nothing of fastify.
 */
export type SessionCookie = {
  token: string | undefined;
  set: (token: string, expiresAt: Date) => void;
  clear: () => void;
};

export type Context = {
  db: Database;
  actor: Actor | null;
  /** True when the actor came from an API token, not a session: making more tokens takes a session. */
  viaApiToken?: boolean;
  session: SessionCookie;
  /** The caller's address (behind a trusted proxy: the forwarded one), for sign-in throttling. */
  clientAddress: string;
  now: () => Date;
  /** Outgoing e-mail (the server's settings); null: notifications stay in the app. */
  mail: MailSettings | null;
};
