import { z } from "zod";
import { retryIncident, skipIncident } from "@baton/runtime";
import { authedProcedure, router } from "../trpc.ts";

/** An admin's hand on an instance's open incidents; the runtime refuses everyone else. */
const action = z.object({
  instanceId: z.string().min(1).max(100),
  incidentId: z.string().min(1).max(100),
  /** Top-level variables to correct first (a retry), or the values a skipped call would have brought. */
  variables: z.record(z.string().min(1).max(200), z.unknown()).optional(),
});

export const incidentsRouter = router({
  retry: authedProcedure.input(action).mutation(({ ctx, input }) => retryIncident(ctx.db, ctx.actor, input, { now: ctx.now(), mail: ctx.mail })),
  skip: authedProcedure.input(action).mutation(({ ctx, input }) => skipIncident(ctx.db, ctx.actor, input, { now: ctx.now(), mail: ctx.mail })),
});
