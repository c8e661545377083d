import { startInstance } from "@baton/runtime";
import { actingUser, requirePositional, stringOption, type Command } from "../command.ts";
import { parseJsonOption } from "../output.ts";

export const startCommand: Command = {
  name: "start",
  usage: "start <processKey> --as <user> [--data <json>]",
  summary: "Start an instance of the latest version with start-form data; prints the instance id.",
  valueOptions: ["as", "data"],
  run: async (ctx) => {
    const processKey = requirePositional(ctx, 0, "the process key", startCommand.usage);
    const actor = await actingUser(ctx, startCommand.usage);
    const data = parseJsonOption(stringOption(ctx, "data"), "--data") ?? {};
    const started = await startInstance(ctx.db, actor, { processKey, data }, { mail: ctx.env.mail });
    ctx.out.result(started, () =>
      [started.instanceId, ...started.tasks.map((t) => `  next: ${t.name} (${t.id}) for ${t.assignee?.username ?? t.candidateGroup?.key ?? "nobody"}`)].join("\n"),
    );
  },
};
