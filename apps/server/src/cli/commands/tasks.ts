import { getTask, inbox, type TaskSummary } from "@baton/runtime";
import { actingUser, requirePositional, type Command } from "../command.ts";
import { table } from "../output.ts";

const rows = (tasks: TaskSummary[]) =>
  tasks.map((t) => [t.id, t.name, t.instanceTitle, t.assignee?.username ?? `(${t.candidateGroup?.key ?? "?"} queue)`, t.dueAt?.slice(0, 16).replace("T", " ") ?? null]);

export const tasksCommand: Command = {
  name: "tasks",
  usage: "tasks --as <user>",
  summary: "The user's inbox: tasks assigned to them and their groups' unclaimed tasks.",
  valueOptions: ["as"],
  run: async (ctx) => {
    const actor = await actingUser(ctx, tasksCommand.usage);
    const box = await inbox(ctx.db, actor);
    ctx.out.result(box, () => {
      const headers = ["task id", "task", "instance", "assignee", "due (UTC)"];
      return [`Assigned to ${actor.username}:`, table(headers, rows(box.assigned)), "", "Open for their groups:", table(headers, rows(box.groupQueue))].join("\n");
    });
  },
};

export const taskCommand: Command = {
  name: "task",
  usage: "task <taskId> --as <user>",
  summary: "One task with its form's JSON Schema + uiSchema and the current draft.",
  valueOptions: ["as"],
  run: async (ctx) => {
    const taskId = requirePositional(ctx, 0, "the task id", taskCommand.usage);
    const actor = await actingUser(ctx, taskCommand.usage);
    const task = await getTask(ctx.db, actor, taskId);
    ctx.out.result(task, () =>
      [
        `${task.task.name} — ${task.task.instanceTitle} (${task.task.status})`,
        `assignee: ${task.task.assignee?.username ?? "—"}  group: ${task.task.candidateGroup?.key ?? "—"}  due: ${task.task.dueAt ?? "—"}`,
        `form fields: ${Object.keys((task.form.schema.properties as object) ?? {}).join(", ") || "none"}`,
        `draft: ${task.draft ? `version ${task.draft.version}: ${JSON.stringify(task.draft.data)}` : "none"}`,
        ...(task.submitted ? [`submitted: ${JSON.stringify(task.submitted)}`] : []),
      ].join("\n"),
    );
  },
};
