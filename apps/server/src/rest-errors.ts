import type { FastifyReply, FastifyRequest } from "fastify";
import { INTERNAL_MESSAGE } from "@baton/api";
import { isUserError, type UserErrorCode } from "@baton/runtime";

/**
 * Errors of Baton's plain HTTP routes (files, messages from outside
 * systems): `{ error: { code, message } }` with the status matching the
 * runtime's error code. Anything unexpected is logged in full and answered
 * with the generic sentence.
 */
export const STATUS: Record<UserErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  INVALID_DATA: 400,
  INVALID_PROCESS: 400,
};

export function fail(reply: FastifyReply, status: number, code: UserErrorCode | "INTERNAL", message: string) {
  return reply.code(status).send({ error: { code, message } });
}

export function failWith(request: FastifyRequest, reply: FastifyReply, error: unknown, doing: string) {
  if (isUserError(error)) return fail(reply, STATUS[error.code], error.code, error.message);
  request.log.error({ err: error }, `${doing} failed`);
  return fail(reply, 500, "INTERNAL", INTERNAL_MESSAGE);
}
