import { z } from "zod";
import { checkMigration, migrateInstances, proposeMigration } from "@baton/runtime";
import { adminProcedure, router } from "../trpc.ts";

/**
 * `migrations.*`: moving running instances of one version of a process to
 * another (admins only; the runtime checks again). `propose` reads the
 * proposed step mapping and the instances still on the old version;
 * `check` is the dry run (nothing is written); `run` migrates, each
 * instance in its own transaction, and says per instance what happened.
 */
const versions = z.object({
  processKey: z.string().min(1).max(100),
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
});

const stepId = z.string().min(1).max(200);
const request = versions.extend({
  instanceIds: z.array(z.string().min(1).max(100)).max(1000).optional(),
  all: z.boolean().optional(),
  /** A step of the old version → a step of the new one, or null for none. */
  mapping: z.record(stepId, stepId.nullable()).optional(),
});

export const migrationsRouter = router({
  propose: adminProcedure.input(versions).query(({ ctx, input }) => proposeMigration(ctx.db, ctx.actor, input)),
  check: adminProcedure.input(request).mutation(({ ctx, input }) => checkMigration(ctx.db, ctx.actor, input, { now: ctx.now() })),
  run: adminProcedure.input(request).mutation(({ ctx, input }) => migrateInstances(ctx.db, ctx.actor, input, { now: ctx.now() })),
});
