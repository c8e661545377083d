import { cancelInstanceAsAdmin } from "@baton/runtime";
import { actingUser, requirePositional, stringOption, type Command } from "../command.ts";
import { UsageError } from "../output.ts";

/** `baton cancel`: an admin stops a running instance for good, with the reason its people will read (see `baton instance`). */
export const cancelCommand: Command = {
  name: "cancel",
  usage: 'cancel <instanceId> --reason "<text>" [--as <admin>]',
  summary: "Cancel a running instance with everything it runs (its tasks, timers, the instances it called), saying why.",
  valueOptions: ["as", "reason"],
  run: async (ctx) => {
    const instanceId = requirePositional(ctx, 0, "the instance id", cancelCommand.usage);
    const reason = stringOption(ctx, "reason");
    if (!reason?.trim()) throw new UsageError(`Say why with --reason "<text>"; the people of the request will read it. Usage: baton ${cancelCommand.usage}`);
    const actor = await actingUser(ctx, cancelCommand.usage, true);
    const result = await cancelInstanceAsAdmin(ctx.db, actor, { instanceId, reason }, { mail: ctx.env.mail });
    const others = result.cancelled.length - 1;
    ctx.out.result(result, () => `Cancelled instance ${result.instanceId}${others ? `, and ${others} instance${others === 1 ? "" : "s"} it called` : ""}.`);
  },
};
