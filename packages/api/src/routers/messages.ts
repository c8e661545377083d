import { z } from "zod";
import { correlateMessage, waitingMessages } from "@baton/runtime";
import { adminProcedure, authedProcedure, router } from "../trpc.ts";

/**
 * Messages from outside systems (a payment confirmed, a contract signed):
 * `correlate` hands one to the instance waiting for it by name and key, or
 * starts the process that starts on it; admins and members of the group
 * `message-senders` may (the runtime checks). `waiting` lists, for admins,
 * what running instances wait for.
 */
const correlateInput = z.object({
  name: z.string().trim().min(1, "give the message's name").max(200),
  /** The correlation key, as text (a number is sent as its digits); empty only for a message that starts a process. */
  key: z.string().trim().max(500).default(""),
  data: z.record(z.string().min(1).max(200), z.unknown()).default({}),
});

export const messagesRouter = router({
  correlate: authedProcedure.input(correlateInput).mutation(({ ctx, input }) => correlateMessage(ctx.db, ctx.actor, input, { now: ctx.now(), mail: ctx.mail })),
  waiting: adminProcedure
    .input(z.object({ name: z.string().trim().max(200).optional(), limit: z.number().int().min(1).max(1000).optional() }).default({}))
    .query(({ ctx, input }) => waitingMessages(ctx.db, ctx.actor, input)),
});
