import { correlateMessage } from "@baton/runtime";
import { actingUser, requirePositional, stringOption, type Command } from "../command.ts";
import { parseJsonOption, UsageError } from "../output.ts";

const usage = "message <name> [--key <key>] [--data <json>] [--as <user>]";

/**
 * `baton message payment-received --key A-17 --data '{"amount":120}'`: what
 * an outside system would send through the API, from a script. As an admin
 * unless --as names a member of the group "message-senders".
 */
export const messageCommand: Command = {
  name: "message",
  usage,
  summary: "Send a message: the instance waiting for it with that key moves on, or a process that starts on it starts.",
  valueOptions: ["key", "data", "as"],
  run: async (ctx) => {
    const name = requirePositional(ctx, 0, "the message name", usage);
    const data = parseJsonOption(stringOption(ctx, "data"), "--data") ?? {};
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      throw new UsageError(`--data must be a JSON object such as {"amount": 120}, not ${JSON.stringify(data)}.`);
    }
    const actor = await actingUser(ctx, usage, true);
    const result = await correlateMessage(ctx.db, actor, { name, key: stringOption(ctx, "key") ?? "", data: data as Record<string, unknown> }, { mail: ctx.env.mail });
    ctx.out.result(result, () =>
      result.outcome === "delivered"
        ? `delivered to instance ${result.instanceId} (now ${result.status})`
        : result.started.map((s) => `started ${s.processKey} #${s.number} (${s.instanceId})`).join("\n"),
    );
  },
};
