import { z } from "zod";
import { blockUsage, getBlock, listBlocks, saveBlock } from "@baton/runtime";
import { router, studioProcedure } from "../trpc.ts";

/** The shared library of process blocks (API.md, "blocks"). Steps and
 * connections arrive as they are; the runtime checks them with the model's
 * `validateBlock` and answers INVALID_PROCESS with the problems. */
const key = z.object({ key: z.string().min(1).max(100) });

export const blocksRouter = router({
  list: studioProcedure.query(({ ctx }) => listBlocks(ctx.db, ctx.actor)),
  get: studioProcedure
    .input(key.extend({ version: z.number().int().positive().optional() }))
    .query(({ ctx, input }) => getBlock(ctx.db, ctx.actor, input.key, input.version)),
  save: studioProcedure
    .input(
      key.extend({
        name: z.string().max(200),
        description: z.string().max(2000).optional(),
        steps: z.array(z.unknown()).max(500),
        connections: z.array(z.unknown()).max(1000),
        expectedVersion: z.number().int().positive().nullable(),
      }),
    )
    .mutation(({ ctx, input }) => saveBlock(ctx.db, ctx.actor, input)),
  usage: studioProcedure.input(key).query(({ ctx, input }) => blockUsage(ctx.db, ctx.actor, input.key)),
});
