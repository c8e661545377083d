import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "@baton/db";
import { correlateMessage, MESSAGE_DATA_MAX_BYTES, type MailSettings } from "@baton/runtime";
import { actorOfRequest } from "./request-actor.ts";
import { fail, failWith } from "./rest-errors.ts";

/**
 * Messages from outside systems over plain HTTP, for those that cannot
 * speak tRPC (a payment provider's webhook, a web shop):
 *   POST /api/messages/<name>
 *     Authorization: Bearer <API token>   (or the session cookie)
 *     body: { "key": "A-17" | null, "data": { ... } }
 * does what `messages.correlate` does, with the same check (admins and the
 * group `message-senders`): 200 with what was delivered or started; 404
 * when nothing waits and nothing starts on it, 409 when the process it
 * would start cannot start now; 400 naming the field that is wrong; 401
 * without a valid token; 403 for a user who may not send messages.
 */
export const MESSAGES_PATH = "/api/messages";
const NAME_MAX = 200;
const KEY_MAX = 500;

type MessageBody = { key: string | null; data: Record<string, unknown> };

export async function registerMessageRoutes(app: FastifyInstance, db: Database, options: { sessionCookie: string; mail: MailSettings | null }): Promise<void> {
  await app.register(async (scope) => {
    // Body errors (not JSON, empty, too large) in Baton's shape rather than fastify's.
    scope.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      if (error.statusCode === 413) return fail(reply, 413, "INVALID_INPUT", "The request is too large.");
      if (error.statusCode === 415) return fail(reply, 415, "INVALID_INPUT", 'Send the body as JSON, with "content-type: application/json".');
      if (error.statusCode === 400) return fail(reply, 400, "INVALID_INPUT", `The body is not valid JSON: ${error.message}`);
      return failWith(request, reply, error, "message request");
    });

    scope.post<{ Params: { name: string } }>(`${MESSAGES_PATH}/:name`, async (request, reply) => {
      const { actor } = await actorOfRequest(db, request, options.sessionCookie);
      if (!actor) return fail(reply, 401, "UNAUTHENTICATED", 'Send an API token: "Authorization: Bearer <token>".');
      const name = request.params.name.trim();
      if (!name || name.length > NAME_MAX) return fail(reply, 400, "INVALID_INPUT", `The message's name (in the path) must have 1 to ${NAME_MAX} characters.`);
      const body = parseBody(request, reply);
      if (!body) return reply;
      const result = await correlateMessage(db, actor, { name, key: body.key ?? "", data: body.data }, { mail: options.mail });
      return reply.code(200).send(result);
    });
  });
}

/** The body, or null after answering 400 with the field that is wrong. */
function parseBody(request: FastifyRequest, reply: FastifyReply): MessageBody | null {
  const body: unknown = request.body ?? {};
  const bad = (message: string) => {
    fail(reply, 400, "INVALID_INPUT", message);
    return null;
  };
  if (typeof body !== "object" || body === null || Array.isArray(body)) return bad('The body must be a JSON object: { "key": "…", "data": { … } }.');
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((k) => k !== "key" && k !== "data");
  if (unknown.length) return bad(`Unknown field "${unknown[0]}": the body takes "key" and "data".`);
  const key = fields.key ?? null;
  if (key !== null && typeof key !== "string") return bad('"key" must be text or null (send a number as its digits, e.g. "17").');
  if (typeof key === "string" && key.length > KEY_MAX) return bad(`"key" must have at most ${KEY_MAX} characters.`);
  const data = fields.data ?? {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) return bad('"data" must be a JSON object, e.g. { "paid": true }.');
  const badName = Object.keys(data).find((k) => !k || k.length > NAME_MAX);
  if (badName !== undefined) return bad(`"data" has a field named "${badName.slice(0, 40)}": names need 1 to ${NAME_MAX} characters.`);
  if (JSON.stringify(data).length > MESSAGE_DATA_MAX_BYTES) return bad(`"data" is larger than ${MESSAGE_DATA_MAX_BYTES / 1024} KB.`);
  return { key, data: data as Record<string, unknown> };
}
