import { z } from "zod";
import {
  CANCEL_REASON_MAX,
  cancelInstanceAsAdmin,
  createGroup,
  createUser,
  INSTANCE_PAGE_MAX,
  INSTANCE_STATUS_FILTERS,
  listOpenIncidents,
  listProcessInstances,
  listPublishers,
  listUsersAndGroups,
  processOverview,
  resetPassword,
  setMembership,
  setPublisher,
  setUserDisabled,
  updateUser,
} from "@baton/runtime";
import { adminProcedure, router } from "../trpc.ts";

/**
 * The studio's admin console: people and groups, who may publish which
 * process, the processes with their versions and instance counts, and the
 * open incidents, a process's instances, and cancelling one. Admins only (the procedure and the runtime both check).
 * Passwords come back once, to the admin who set them; they are never logged.
 */
const username = z.string().trim().min(1, "enter a user name").max(50);
const role = z.enum(["admin", "analyst", "participant"]);
const groupKey = z.string().trim().min(1, "enter a group key").max(50);
const processKey = z.string().min(1).max(100);
const displayName = z.string().max(100);
const email = z.string().max(200).nullable().optional();
const password = z.string().max(200).optional();
const instancesQuery = z.object({
  processKey,
  status: z.enum(INSTANCE_STATUS_FILTERS).optional(),
  version: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(INSTANCE_PAGE_MAX).optional(),
  offset: z.number().int().min(0).optional(),
});
const cancelInput = z.object({
  instanceId: z.string().trim().min(1, "name the instance to cancel").max(100),
  reason: z.string().trim().min(1, "give a reason for cancelling").max(CANCEL_REASON_MAX, `keep the reason to ${CANCEL_REASON_MAX} characters`),
});

export const adminRouter = router({
  people: adminProcedure.query(({ ctx }) => listUsersAndGroups(ctx.db, ctx.actor)),
  createUser: adminProcedure
    .input(z.object({ username, displayName, email, role, groups: z.array(groupKey).max(100), password }))
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.actor, input)),
  updateUser: adminProcedure
    .input(z.object({ username, displayName, email, role }))
    .mutation(async ({ ctx, input }) => {
      await updateUser(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),
  setUserDisabled: adminProcedure.input(z.object({ username, disabled: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setUserDisabled(ctx.db, ctx.actor, input);
    return { ok: true as const };
  }),
  resetPassword: adminProcedure.input(z.object({ username, password })).mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.actor, input)),
  createGroup: adminProcedure.input(z.object({ key: groupKey, name: z.string().max(100) })).mutation(async ({ ctx, input }) => {
    await createGroup(ctx.db, ctx.actor, input);
    return { ok: true as const };
  }),
  setMembership: adminProcedure.input(z.object({ username, group: groupKey, member: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setMembership(ctx.db, ctx.actor, input);
    return { ok: true as const };
  }),
  processes: adminProcedure.query(({ ctx }) => processOverview(ctx.db, ctx.actor)),
  publishers: adminProcedure.query(({ ctx }) => listPublishers(ctx.db, ctx.actor)),
  setPublisher: adminProcedure.input(z.object({ processKey, username, allowed: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setPublisher(ctx.db, ctx.actor, input);
    return { ok: true as const };
  }),
  incidents: adminProcedure.query(({ ctx }) => listOpenIncidents(ctx.db, ctx.actor)),
  instances: adminProcedure.input(instancesQuery).query(({ ctx, input }) => listProcessInstances(ctx.db, ctx.actor, input)),
  cancelInstance: adminProcedure.input(cancelInput).mutation(({ ctx, input }) => cancelInstanceAsAdmin(ctx.db, ctx.actor, input, { now: ctx.now(), mail: ctx.mail })),
});
