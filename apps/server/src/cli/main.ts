import { parseArgs } from "node:util";
import { openMigratedDatabase } from "../database.ts";
import { readEnv } from "../env.ts";
import type { Command, CommandContext } from "./command.ts";
import { attachCommand } from "./commands/attach.ts";
import { cancelCommand } from "./commands/cancel.ts";
import { exportBpmnCommand, importBpmnCommand } from "./commands/bpmn.ts";
import { retryCommand, skipCommand } from "./commands/incidents.ts";
import { instanceCommand } from "./commands/instance.ts";
import { messageCommand } from "./commands/message.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { processesCommand } from "./commands/processes.ts";
import { packageCommand } from "./commands/package.ts";
import { publishCommand } from "./commands/publish.ts";
import { seedCommand } from "./commands/seed.ts";
import { serveCommand } from "./commands/serve.ts";
import { startCommand } from "./commands/start.ts";
import { claimCommand, completeCommand, draftCommand, reassignCommand, unclaimCommand } from "./commands/task-actions.ts";
import { taskCommand, tasksCommand } from "./commands/tasks.ts";
import { tokenCommand } from "./commands/token.ts";
import { usersCommand } from "./commands/users.ts";
import { createOutput, reportError, UsageError } from "./output.ts";

/**
 * `baton <command>`: the admin's and scripts' door to Baton. Every command
 * opens the configured database (DATABASE_URL, else embedded PGlite in
 * BATON_DATA_DIR, default ./.baton), migrates it, and answers in text or,
 * with --json, in one JSON document.
 */
const commands: Command[] = [
  serveCommand,
  seedCommand,
  usersCommand,
  processesCommand,
  publishCommand,
  startCommand,
  tasksCommand,
  taskCommand,
  claimCommand,
  unclaimCommand,
  reassignCommand,
  draftCommand,
  attachCommand,
  completeCommand,
  instanceCommand,
  retryCommand,
  skipCommand,
  cancelCommand,
  messageCommand,
  tokenCommand,
  migrateCommand,
  importBpmnCommand,
  exportBpmnCommand,
  packageCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    "Usage: baton <command> [options]   (add --json for machine-readable output)",
    "",
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Database: DATABASE_URL (PostgreSQL), else embedded PGlite in BATON_DATA_DIR (default ./.baton).",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes("--json");
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`Unknown command "${name}". Run \`baton help\` for the list.`);
    const options = Object.fromEntries([
      ["json", { type: "boolean" as const }],
      ...(command.valueOptions ?? []).map((o) => [o, { type: "string" as const, ...(command.shortOptions?.[o] ? { short: command.shortOptions[o] } : {}) }]),
      ...(command.flagOptions ?? []).map((o) => [o, { type: "boolean" as const }]),
      ...(command.listOptions ?? []).map((o) => [o, { type: "string" as const, multiple: true as const }]),
    ]);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}. Usage: baton ${command.usage}`);
    }
    const env = readEnv();
    const out = createOutput(json);
    if (command.ownsDatabase) {
      return (await command.run({ env, db: undefined as never, out, positionals: parsed.positionals, options: parsed.values as CommandContext["options"] })) ?? 0;
    }
    const handle = await openMigratedDatabase(env);
    try {
      return (await command.run({ env, db: handle.db, out, positionals: parsed.positionals, options: parsed.values as CommandContext["options"] })) ?? 0;
    } finally {
      await handle.close();
    }
  } catch (error) {
    return reportError(error, json);
  }
}

process.exitCode = await main(process.argv.slice(2));
