import { z } from "zod";
import { followFormBlockInDraft, formBlockUsage, getFormBlock, listFormBlocks, saveFormBlock } from "@baton/runtime";
import { authedProcedure, router, studioProcedure } from "../trpc.ts";

/** The shared library of form blocks. Everyone signed in may list and read
 * them; saving, tracing use and following a new version are the studio's.
 * Fields arrive as they are; the runtime checks them with `validateFormBlock`
 * and answers INVALID_PROCESS with the problems. */
const key = z.object({ key: z.string().min(1).max(100) });

export const formBlocksRouter = router({
  list: authedProcedure.query(({ ctx }) => listFormBlocks(ctx.db, ctx.actor)),
  get: authedProcedure
    .input(key.extend({ version: z.number().int().positive().optional() }))
    .query(({ ctx, input }) => getFormBlock(ctx.db, ctx.actor, input.key, input.version)),
  save: studioProcedure
    .input(
      key.extend({
        name: z.string().max(200),
        description: z.string().max(2000).optional(),
        blocks: z.array(z.unknown()).max(500),
        expectedVersion: z.number().int().positive().nullable(),
      }),
    )
    .mutation(({ ctx, input }) => saveFormBlock(ctx.db, ctx.actor, input)),
  usage: studioProcedure.input(key).query(({ ctx, input }) => formBlockUsage(ctx.db, ctx.actor, input.key)),
  follow: studioProcedure
    .input(
      z.object({
        processKey: z.string().min(1).max(100),
        draftVersion: z.number().int().positive(),
        stepId: z.string().min(1).max(200),
        sectionId: z.string().min(1).max(200),
      }),
    )
    .mutation(({ ctx, input }) => followFormBlockInDraft(ctx.db, ctx.actor, input)),
});
