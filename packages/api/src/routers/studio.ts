import { z } from "zod";
import { validate } from "@baton/model";
import {
  exportProcessBpmn,
  getDraft,
  getVersion,
  importBpmnDraft,
  listDirectory,
  listProcesses,
  listVersions,
  publishDraft,
  saveDraft,
} from "@baton/runtime";
import { router, studioProcedure } from "../trpc.ts";

const key = z.object({ key: z.string().min(1).max(100) });

export const studioRouter = router({
  processes: studioProcedure.query(({ ctx }) => listProcesses(ctx.db, ctx.actor)),
  draft: studioProcedure.input(key).query(({ ctx, input }) => getDraft(ctx.db, ctx.actor, input.key)),
  saveDraft: studioProcedure
    .input(key.extend({ expectedVersion: z.number().int().positive().nullable(), definition: z.unknown() }))
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.actor, input)),
  validate: studioProcedure
    .input(z.object({ definition: z.unknown() }))
    .mutation(({ input }) => ({ problems: validate(input.definition) })),
  publish: studioProcedure
    .input(
      key.extend({
        label: z.string().max(60, "keep the label to 60 characters").nullable().optional(),
        releaseNote: z.string().max(5000, "keep the release note to 5000 characters").nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await publishDraft(ctx.db, ctx.actor, input.key, { label: input.label, releaseNote: input.releaseNote });
      return { version: result.version, hash: result.hash, created: result.created };
    }),
  versions: studioProcedure.input(key).query(({ ctx, input }) => listVersions(ctx.db, ctx.actor, input.key)),
  version: studioProcedure
    .input(key.extend({ version: z.number().int().positive() }))
    .query(({ ctx, input }) => getVersion(ctx.db, ctx.actor, input.key, input.version)),
  importBpmn: studioProcedure
    .input(
      z.object({
        xml: z.string().max(1_000_000, "The BPMN file is larger than 1 MB."),
        key: z.string().min(1).max(100).optional(),
        processId: z.string().min(1).max(500).optional(),
        publish: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => importBpmnDraft(ctx.db, ctx.actor, input)),
  exportBpmn: studioProcedure
    .input(key.extend({ version: z.number().int().positive().optional() }))
    .query(({ ctx, input }) => exportProcessBpmn(ctx.db, ctx.actor, input)),
  directory: studioProcedure.query(async ({ ctx }) => {
    const directory = await listDirectory(ctx.db);
    return {
      users: directory.users.filter((u) => !u.disabled).map(({ username, displayName }) => ({ username, displayName })),
      groups: directory.groups,
    };
  }),
});
