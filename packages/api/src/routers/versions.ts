import { z } from "zod";
import {
  archiveProcess,
  deprecateVersion,
  diffVersions,
  draftDiff,
  exportPackage,
  getVersion,
  importPackage,
  LABEL_MAX,
  listVersions,
  publishDraft,
  RELEASE_NOTE_MAX,
  rollbackToVersion,
  unarchiveProcess,
  undeprecateVersion,
} from "@baton/runtime";
import { adminProcedure, router, studioProcedure } from "../trpc.ts";

/**
 * Published versions of a process: read, compare and publish (analysts and
 * admins; publishing an existing process needs an admin's grant, which the
 * runtime checks), move between servers as a package file, and the
 * lifecycle — deprecate, roll back, archive — which is the admins' alone.
 */
const key = z.string().trim().min(1, "enter a process key").max(100);
const version = z.number().int().positive();
const reason = z.string().max(500, "keep the reason to 500 characters").optional();

export const versionsRouter = router({
  list: studioProcedure.input(z.object({ key })).query(({ ctx, input }) => listVersions(ctx.db, ctx.actor, input.key)),
  get: studioProcedure.input(z.object({ key, version })).query(({ ctx, input }) => getVersion(ctx.db, ctx.actor, input.key, input.version)),
  diff: studioProcedure
    .input(z.object({ key, from: version, to: version }))
    .query(({ ctx, input }) => diffVersions(ctx.db, ctx.actor, { processKey: input.key, from: input.from, to: input.to })),
  draftDiff: studioProcedure.input(z.object({ key })).query(({ ctx, input }) => draftDiff(ctx.db, ctx.actor, input.key)),
  publish: studioProcedure
    .input(
      z.object({
        key,
        label: z.string().max(LABEL_MAX, `keep the label to ${LABEL_MAX} characters`).nullable().optional(),
        releaseNote: z.string().max(RELEASE_NOTE_MAX, `keep the release note to ${RELEASE_NOTE_MAX} characters`).nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => publishDraft(ctx.db, ctx.actor, input.key, { label: input.label, releaseNote: input.releaseNote })),
  deprecate: adminProcedure
    .input(z.object({ key, version, reason }))
    .mutation(({ ctx, input }) => deprecateVersion(ctx.db, ctx.actor, { processKey: input.key, version: input.version, reason: input.reason })),
  undeprecate: adminProcedure.input(z.object({ key, version })).mutation(async ({ ctx, input }) => {
    await undeprecateVersion(ctx.db, ctx.actor, { processKey: input.key, version: input.version });
    return { ok: true as const };
  }),
  rollback: adminProcedure
    .input(z.object({ key, version, reason }))
    .mutation(({ ctx, input }) => rollbackToVersion(ctx.db, ctx.actor, { processKey: input.key, version: input.version, reason: input.reason })),
  archive: adminProcedure.input(z.object({ key, reason })).mutation(async ({ ctx, input }) => {
    await archiveProcess(ctx.db, ctx.actor, { processKey: input.key, reason: input.reason });
    return { ok: true as const };
  }),
  unarchive: adminProcedure.input(z.object({ key })).mutation(async ({ ctx, input }) => {
    await unarchiveProcess(ctx.db, ctx.actor, { processKey: input.key });
    return { ok: true as const };
  }),
  exportPackage: studioProcedure
    .input(z.object({ key, version: version.optional() }))
    .query(({ ctx, input }) => exportPackage(ctx.db, ctx.actor, { processKey: input.key, ...(input.version !== undefined ? { version: input.version } : {}) })),
  /** `file` is the package file's parsed JSON; the runtime checks every part of it. */
  importPackage: studioProcedure.input(z.object({ file: z.unknown() })).mutation(({ ctx, input }) => importPackage(ctx.db, ctx.actor, input.file)),
});
