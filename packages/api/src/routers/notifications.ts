import { z } from "zod";
import { listNotifications, markAllNotificationsRead, markNotificationRead, NOTIFICATION_PAGE, unreadNotificationCount } from "@baton/runtime";
import { authedProcedure, router } from "../trpc.ts";

/** The caller's own notifications (the portal's bell); nobody reads or marks anyone else's. */
const id = z.string().min(1).max(100);

export const notificationsRouter = router({
  list: authedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(NOTIFICATION_PAGE.max).optional(), cursor: id.nullish() }).optional())
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input ?? {})),
  unreadCount: authedProcedure.query(async ({ ctx }) => ({ count: await unreadNotificationCount(ctx.db, ctx.actor) })),
  markRead: authedProcedure.input(z.object({ id })).mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.actor, input.id, ctx.now())),
  markAllRead: authedProcedure
    .input(z.object({ upTo: id.nullish() }).optional())
    .mutation(({ ctx, input }) => markAllNotificationsRead(ctx.db, ctx.actor, ctx.now(), input?.upTo)),
});
