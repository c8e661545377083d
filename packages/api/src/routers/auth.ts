import { z } from "zod";
import { signIn, signOut, type Actor } from "@baton/runtime";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export type Me = {
  id: string;
  username: string;
  displayName: string;
  role: Actor["role"];
  groups: { key: string; name: string }[];
};

export const toMe = (actor: Actor): Me => ({
  id: actor.userId,
  username: actor.username,
  displayName: actor.displayName,
  role: actor.role,
  groups: actor.groups.map(({ key, name }) => ({ key, name })),
});

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ username: z.string().trim().min(1, "enter your user name").max(100), password: z.string().min(1, "enter your password").max(200) }))
    .mutation(async ({ ctx, input }) => {
      const { token, expiresAt, actor } = await signIn(ctx.db, input.username, input.password, ctx.now(), ctx.clientAddress);
      ctx.session.set(token, expiresAt);
      return toMe(actor);
    }),
  logout: authedProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.db, ctx.session.token);
    ctx.session.clear();
    return { ok: true as const };
  }),
  me: publicProcedure.query(({ ctx }) => (ctx.actor ? toMe(ctx.actor) : null)),
});
