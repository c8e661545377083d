import { retryIncident, skipIncident, type IncidentAction } from "@baton/runtime";
import { actingUser, requirePositional, stringOption, type Command, type CommandContext } from "../command.ts";
import { parseJsonOption, UsageError } from "../output.ts";

/** `baton retry` / `baton skip`: an admin's hand on an instance's open incident (see `baton instance`). */
async function incidentAction(ctx: CommandContext, usage: string): Promise<{ actor: Awaited<ReturnType<typeof actingUser>>; input: IncidentAction }> {
  const instanceId = requirePositional(ctx, 0, "the instance id", usage);
  const incidentId = requirePositional(ctx, 1, "the incident id", usage);
  const data = parseJsonOption(stringOption(ctx, "data"), "--data");
  if (data !== undefined && (typeof data !== "object" || data === null || Array.isArray(data))) {
    throw new UsageError(`--data must be a JSON object of variable names and values. Usage: baton ${usage}`);
  }
  const input: IncidentAction = { instanceId, incidentId, ...(data ? { variables: data as Record<string, unknown> } : {}) };
  return { actor: await actingUser(ctx, usage, true), input };
}

export const retryCommand: Command = {
  name: "retry",
  usage: "retry <instanceId> <incidentId> [--data <json>] [--as <admin>]",
  summary: "Run an incident's stuck step again (a service call is called again), correcting variables first.",
  valueOptions: ["as", "data"],
  run: async (ctx) => {
    const { actor, input } = await incidentAction(ctx, retryCommand.usage);
    const result = await retryIncident(ctx.db, actor, input, { mail: ctx.env.mail });
    ctx.out.result(result, () => `Retried. Instance ${result.instanceId} is ${result.status}.`);
  },
};

export const skipCommand: Command = {
  name: "skip",
  usage: "skip <instanceId> <incidentId> [--data <json>] [--as <admin>]",
  summary: "Move a stuck service call on without calling, with --data standing in for its answer.",
  valueOptions: ["as", "data"],
  run: async (ctx) => {
    const { actor, input } = await incidentAction(ctx, skipCommand.usage);
    const result = await skipIncident(ctx.db, actor, input, { mail: ctx.env.mail });
    ctx.out.result(result, () => `Skipped. Instance ${result.instanceId} is ${result.status}.`);
  },
};
