import { z } from "zod";
import {
  claimTask,
  completeTask,
  discardStartDraft,
  getStartDraft,
  getTask,
  inbox,
  instanceDetails,
  listDirectory,
  myRequests,
  REASSIGN_NOTE_MAX,
  reassignTask,
  saveStartDraft,
  saveTaskDraft,
  startableProcesses,
  startInstance,
  unclaimTask,
} from "@baton/runtime";
import { authedProcedure, router } from "../trpc.ts";

const taskId = z.object({ taskId: z.string().min(1).max(100) });
const processKey = z.object({ processKey: z.string().min(1).max(100) });
const formData = z.record(z.string(), z.unknown());
const draftVersion = z.number().int().positive();

export const portalRouter = router({
  inbox: authedProcedure.query(({ ctx }) => inbox(ctx.db, ctx.actor)),
  startable: authedProcedure.query(({ ctx }) => startableProcesses(ctx.db, ctx.actor)),
  start: authedProcedure
    .input(processKey.extend({ data: formData }))
    .mutation(async ({ ctx, input }) => {
      const started = await startInstance(ctx.db, ctx.actor, input, { now: ctx.now(), mail: ctx.mail });
      return { instanceId: started.instanceId, tasks: started.tasks };
    }),
  task: authedProcedure.input(taskId).query(({ ctx, input }) => getTask(ctx.db, ctx.actor, input.taskId)),
  claim: authedProcedure.input(taskId).mutation(({ ctx, input }) => claimTask(ctx.db, ctx.actor, input.taskId, ctx.now())),
  unclaim: authedProcedure.input(taskId).mutation(({ ctx, input }) => unclaimTask(ctx.db, ctx.actor, input.taskId, ctx.now())),
  /** Hand an open task over: its assignee to another user, an admin to a user or a group's queue. */
  reassign: authedProcedure
    .input(
      taskId.extend({
        to: z.union([z.strictObject({ user: z.string().min(1).max(100) }), z.strictObject({ group: z.string().min(1).max(100) })]),
        note: z.string().max(REASSIGN_NOTE_MAX).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => reassignTask(ctx.db, ctx.actor, input, { now: ctx.now(), mail: ctx.mail })),
  saveDraft: authedProcedure
    .input(taskId.extend({ data: formData, expectedVersion: draftVersion.nullable() }))
    .mutation(({ ctx, input }) => saveTaskDraft(ctx.db, ctx.actor, input, ctx.now())),
  /** The caller's own draft of a start form; the runtime checks they may start the process. */
  startDraft: authedProcedure.input(processKey).query(({ ctx, input }) => getStartDraft(ctx.db, ctx.actor, input.processKey)),
  saveStartDraft: authedProcedure
    .input(processKey.extend({ data: formData, expectedVersion: draftVersion.nullable() }))
    .mutation(({ ctx, input }) => saveStartDraft(ctx.db, ctx.actor, input, ctx.now())),
  discardStartDraft: authedProcedure
    .input(processKey.extend({ expectedVersion: draftVersion }))
    .mutation(({ ctx, input }) => discardStartDraft(ctx.db, ctx.actor, input)),
  complete: authedProcedure
    .input(taskId.extend({ data: formData }))
    .mutation(async ({ ctx, input }) => {
      const result = await completeTask(ctx.db, ctx.actor, input, { now: ctx.now(), mail: ctx.mail });
      return { instanceStatus: result.instanceStatus, next: result.next };
    }),
  myRequests: authedProcedure.query(({ ctx }) => myRequests(ctx.db, ctx.actor)),
  /** Who a form's user and group pickers offer: active users and every group (names only). */
  directory: authedProcedure.query(async ({ ctx }) => {
    const directory = await listDirectory(ctx.db);
    return {
      users: directory.users.filter((u) => !u.disabled).map(({ username, displayName }) => ({ username, displayName })),
      groups: directory.groups.map(({ key, name }) => ({ key, name })),
    };
  }),
  instance: authedProcedure
    .input(z.object({ instanceId: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => instanceDetails(ctx.db, ctx.actor, input.instanceId)),
});
