import { claimTask, completeTask, getTask, reassignTask, saveTaskDraft, unclaimTask } from "@baton/runtime";
import { actingUser, requirePositional, stringOption, type Command } from "../command.ts";
import { parseJsonOption, UsageError } from "../output.ts";

export const claimCommand: Command = {
  name: "claim",
  usage: "claim <taskId> --as <user>",
  summary: "Take a task from the user's group queue.",
  valueOptions: ["as"],
  run: async (ctx) => {
    const taskId = requirePositional(ctx, 0, "the task id", claimCommand.usage);
    const task = await claimTask(ctx.db, await actingUser(ctx, claimCommand.usage), taskId);
    ctx.out.result(task, () => `${task.name} is now assigned to ${task.assignee?.username}.`);
  },
};

export const unclaimCommand: Command = {
  name: "unclaim",
  usage: "unclaim <taskId> --as <user>",
  summary: "Put a claimed task back into its group queue.",
  valueOptions: ["as"],
  run: async (ctx) => {
    const taskId = requirePositional(ctx, 0, "the task id", unclaimCommand.usage);
    const task = await unclaimTask(ctx.db, await actingUser(ctx, unclaimCommand.usage), taskId);
    ctx.out.result(task, () => `${task.name} is back in the ${task.candidateGroup?.name} queue.`);
  },
};

export const reassignCommand: Command = {
  name: "reassign",
  usage: "reassign <taskId> --to <user | group:key> --as <user> [--note <text>]",
  summary: "Hand an open task over: the assignee to another user; an admin also into a group's queue.",
  valueOptions: ["as", "to", "note"],
  run: async (ctx) => {
    const taskId = requirePositional(ctx, 0, "the task id", reassignCommand.usage);
    const target = stringOption(ctx, "to");
    if (!target) throw new UsageError(`Say whom to hand the task to with --to <user> or --to group:<key>. Usage: baton ${reassignCommand.usage}`);
    const to = target.startsWith("group:") ? { group: target.slice("group:".length) } : { user: target };
    const actor = await actingUser(ctx, reassignCommand.usage);
    const task = await reassignTask(ctx.db, actor, { taskId, to, note: stringOption(ctx, "note") }, { mail: ctx.env.mail });
    ctx.out.result(task, () => (task.assignee ? `${task.name} is now assigned to ${task.assignee.username}.` : `${task.name} is now in the ${task.candidateGroup?.name} queue.`));
  },
};

export const draftCommand: Command = {
  name: "draft",
  usage: "draft <taskId> --as <user> --data <json> [--expected-version N]",
  summary: "Save form data to the task's draft (not yet part of the instance).",
  valueOptions: ["as", "data", "expected-version"],
  run: async (ctx) => {
    const taskId = requirePositional(ctx, 0, "the task id", draftCommand.usage);
    const actor = await actingUser(ctx, draftCommand.usage);
    const data = parseJsonOption(stringOption(ctx, "data"), "--data");
    if (data === undefined) throw new UsageError(`Give the draft data with --data. Usage: baton ${draftCommand.usage}`);
    const versionText = stringOption(ctx, "expected-version");
    // Without --expected-version the CLI writes over the draft it reads now.
    const expectedVersion = versionText !== undefined ? Number.parseInt(versionText, 10) : ((await getTask(ctx.db, actor, taskId)).draft?.version ?? null);
    if (expectedVersion !== null && !Number.isInteger(expectedVersion)) throw new UsageError("--expected-version must be a whole number.");
    const saved = await saveTaskDraft(ctx.db, actor, { taskId, data, expectedVersion });
    ctx.out.result(saved, () => `Draft saved (version ${saved.version}).`);
  },
};

export const completeCommand: Command = {
  name: "complete",
  usage: "complete <taskId> --as <user> --data <json>",
  summary: "Complete a task with its form data; invalid data changes nothing and exits 1.",
  valueOptions: ["as", "data"],
  run: async (ctx) => {
    const taskId = requirePositional(ctx, 0, "the task id", completeCommand.usage);
    const actor = await actingUser(ctx, completeCommand.usage);
    const data = parseJsonOption(stringOption(ctx, "data"), "--data") ?? {};
    const result = await completeTask(ctx.db, actor, { taskId, data }, { mail: ctx.env.mail });
    ctx.out.result(result, () =>
      [`Completed. Instance ${result.instanceId} is ${result.instanceStatus}.`, ...result.next.map((t) => `  next: ${t.name} (${t.id}) for ${t.assignee?.username ?? t.candidateGroup?.key ?? "nobody"}`)].join("\n"),
    );
  },
};
