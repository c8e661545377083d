import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { API_TOKEN_EXPIRES_DAYS_MAX, API_TOKEN_NAME_MAX, createApiToken, listApiTokens, revokeApiToken } from "@baton/runtime";
import { authedProcedure, router } from "../trpc.ts";

/**
 * Personal API tokens for outside systems. Anyone signed in manages their
 * own; admins anyone's (the runtime checks). A token is made only from a
 * signed-in session, never with another token, so a leaked token cannot
 * mint more. The secret comes back once, from `create`.
 */
const username = z.string().trim().min(1, "name the user").max(50);

export const apiTokensRouter = router({
  list: authedProcedure
    .input(z.object({ username: username.optional() }).default({}))
    .query(({ ctx, input }) => listApiTokens(ctx.db, ctx.actor, input, { now: ctx.now() })),
  create: authedProcedure
    .input(
      z.object({
        username,
        name: z.string().max(API_TOKEN_NAME_MAX, `at most ${API_TOKEN_NAME_MAX} characters`),
        expiresInDays: z.number().int("whole days").min(1, "at least 1 day").max(API_TOKEN_EXPIRES_DAYS_MAX, `at most ${API_TOKEN_EXPIRES_DAYS_MAX} days`).nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      if (ctx.viaApiToken) throw new TRPCError({ code: "FORBIDDEN", message: "API tokens are made by a signed-in person (the admin console or `baton token create`), not with another token." });
      return createApiToken(ctx.db, ctx.actor, input, { now: ctx.now() });
    }),
  revoke: authedProcedure
    .input(z.object({ id: z.string().trim().min(1, "name the token to revoke").max(100) }))
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.actor, input, { now: ctx.now() })),
});
