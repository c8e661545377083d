import { instanceDetails } from "@baton/runtime";
import { actingUser, requirePositional, type Command } from "../command.ts";
import { table } from "../output.ts";

export const instanceCommand: Command = {
  name: "instance",
  usage: "instance <instanceId> [--as <user>]",
  summary: "An instance's status, version, caller and called instances, variables, open incidents, tasks and audit events.",
  valueOptions: ["as"],
  run: async (ctx) => {
    const id = requirePositional(ctx, 0, "the instance id", instanceCommand.usage);
    const details = await instanceDetails(ctx.db, await actingUser(ctx, instanceCommand.usage, true), id);
    ctx.out.result(details, () =>
      [
        `${details.title} — ${details.status}`,
        `process ${details.processKey} version ${details.version}, started by ${details.startedBy} at ${details.startedAt}${details.endedAt ? `, ended ${details.endedAt}` : ""}`,
        ...(details.parent ? [`called by ${details.parent.title} (${details.parent.instanceId}) at step ${details.parent.stepId ?? "?"}`] : []),
        "",
        ...(details.children.length
          ? ["Called instances:", table(["instance id", "process", "step", "status"], details.children.map((c) => [c.instanceId, c.processKey, c.stepId, c.status])), ""]
          : []),
        "Variables:",
        JSON.stringify(details.variables, null, 2),
        "",
        ...(details.incidents.length
          ? ["Open incidents (baton retry / baton skip):", table(["incident id", "step", "code", "message"], (details.incidents as { id: string; stepId: string; code: string; message: string }[]).map((i) => [i.id, i.stepId, i.code, i.message])), ""]
          : []),
        "Tasks:",
        table(["task id", "task", "status", "assignee", "group"], details.tasks.map((t) => [t.id, t.name, t.status, t.assignee?.username, t.candidateGroup?.key])),
        "",
        "Audit:",
        table(["#", "at", "who", "event"], details.audit.map((a) => [a.id, a.at, a.actor, a.type])),
      ].join("\n"),
    );
  },
};
