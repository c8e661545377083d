import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { isUserError, type UserError, type UserErrorCode } from "@baton/runtime";
import { ZodError } from "zod";
import type { Context } from "./context.ts";

/**
 * All tRPC setup in one place: error mapping (each runtime error code to one
 * tRPC code, plus `data.baton` the browser reads), and the procedures that
 * check who is asking. Unexpected errors reach users only as a generic
 * sentence; the server logs them in full.
 */
const TRPC_CODE: Record<UserErrorCode, TRPC_ERROR_CODE_KEY> = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  INVALID_DATA: "BAD_REQUEST",
  INVALID_PROCESS: "BAD_REQUEST",
};

export type BatonErrorData = {
  code: UserErrorCode | "INTERNAL";
  message: string;
  fieldErrors?: { path: string; message: string }[];
  problems?: unknown[];
};

export const INTERNAL_MESSAGE = "Something went wrong on the server. Nothing was changed; please try again, and tell your administrator if it keeps happening.";

function zodMessage(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is malformed.";
  const where = issue.path.length ? `"${issue.path.join(".")}"` : "the request";
  return `Invalid ${where}: ${issue.message}`;
}

function batonData(error: TRPCError): BatonErrorData {
  const cause = error.cause;
  if (isUserError(cause)) {
    return { code: cause.code, message: cause.message, fieldErrors: cause.fieldErrors, problems: cause.problems };
  }
  if (cause instanceof ZodError) return { code: "INVALID_INPUT", message: zodMessage(cause) };
  if (error.code === "INTERNAL_SERVER_ERROR") return { code: "INTERNAL", message: INTERNAL_MESSAGE };
  if (error.code === "PAYLOAD_TOO_LARGE") return { code: "INVALID_INPUT", message: "The request is too large." };
  if (error.code === "PARSE_ERROR" || error.code === "BAD_REQUEST") return { code: "INVALID_INPUT", message: `The request is malformed: ${error.message}` };
  if (error.code === "UNAUTHORIZED") return { code: "UNAUTHENTICATED", message: error.message };
  if (error.code === "FORBIDDEN") return { code: "FORBIDDEN", message: error.message };
  if (error.code === "NOT_FOUND") return { code: "NOT_FOUND", message: error.message };
  if (error.code === "CONFLICT") return { code: "CONFLICT", message: error.message };
  return { code: "INTERNAL", message: INTERNAL_MESSAGE };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const baton = batonData(error);
    return { ...shape, message: baton.message, data: { ...shape.data, stack: undefined, baton } };
  },
});

/** Turns runtime UserErrors into tRPC errors with the right code. */
const userErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isUserError(result.error.cause)) {
    const cause = result.error.cause as UserError;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(userErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export const studioProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin" && ctx.actor.role !== "analyst") {
    throw new TRPCError({ code: "FORBIDDEN", message: "The studio is for analysts and admins." });
  }
  return next();
});

/** The admin console: admins only (the runtime checks again). */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: `Only admins may use the admin console; you are signed in as ${ctx.actor.role} "${ctx.actor.username}".` });
  }
  return next();
});
