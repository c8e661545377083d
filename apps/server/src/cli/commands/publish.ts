import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { publishDefinition } from "@baton/runtime";
import { userPath } from "../../env.ts";
import { actingUser, requirePositional, stringOption, type Command } from "../command.ts";
import { UsageError } from "../output.ts";

export const publishCommand: Command = {
  name: "publish",
  usage: "publish <template folder | process.json> [--label <text>] [--note <release note>] [--as <user>]",
  summary: "Validate and publish a process definition as a new immutable version.",
  valueOptions: ["as", "label", "note"],
  run: async (ctx) => {
    const target = userPath(requirePositional(ctx, 0, "a template folder or file", publishCommand.usage));
    if (!existsSync(target)) throw new UsageError(`${target} does not exist.`);
    const file = statSync(target).isDirectory() ? join(target, "process.json") : target;
    if (!existsSync(file)) throw new UsageError(`${target} has no process.json.`);
    let definition: unknown;
    try {
      definition = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const actor = await actingUser(ctx, publishCommand.usage, true);
    const result = await publishDefinition(ctx.db, actor, definition, { label: stringOption(ctx, "label"), releaseNote: stringOption(ctx, "note") });
    ctx.out.result(result, () =>
      result.created
        ? `Published ${result.processKey} version ${result.version} (${result.hash.slice(0, 12)}).`
        : `${result.processKey} is unchanged: version ${result.version} has the same content.`,
    );
  },
};
