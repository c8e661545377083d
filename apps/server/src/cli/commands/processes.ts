import { startableProcesses } from "@baton/runtime";
import { actingUser, type Command } from "../command.ts";
import { table } from "../output.ts";

export const processesCommand: Command = {
  name: "processes",
  usage: "processes [--as <user>]",
  summary: "Published processes the user may start, with the start form's JSON Schema.",
  valueOptions: ["as"],
  run: async (ctx) => {
    const actor = await actingUser(ctx, processesCommand.usage, true);
    const list = await startableProcesses(ctx.db, actor);
    ctx.out.result(list, () =>
      table(["key", "name", "version", "start form fields"], list.map((p) => [p.processKey, p.name, p.version, Object.keys((p.startForm?.schema.properties as object) ?? {}).join(", ")])),
    );
  },
};
