import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { exportPackage, importPackage } from "@baton/runtime";
import { userPath } from "../../env.ts";
import { actingUser, requirePositional, stringOption, versionOption, type Command } from "../command.ts";
import { UsageError } from "../output.ts";

/**
 * `baton package export <key> [--version N] -o file` writes a published
 * version (the latest by default) as one package file; `baton package
 * import file` checks it (format, checksum, hash, process) and publishes it
 * here as the next version — keeping its number when that is higher than
 * every version of the key here.
 */
const usage = "package export <processKey> [--version <n>] -o|--out <file.json> | package import <file.json> [--as <user>]";

export const packageCommand: Command = {
  name: "package",
  usage,
  summary: "Move a published version to another Baton as one file: export it, or import (checked: format, checksum, hash).",
  valueOptions: ["as", "version", "out"],
  shortOptions: { out: "o" },
  run: async (ctx) => {
    const action = requirePositional(ctx, 0, "export or import", usage);
    if (action === "export") return exportToFile(ctx);
    if (action === "import") return importFromFile(ctx);
    throw new UsageError(`Unknown package action "${action}": use export or import. Usage: baton ${usage}`);
  },
};

async function exportToFile(ctx: Parameters<Command["run"]>[0]) {
  const key = requirePositional(ctx, 1, "the process key", usage);
  const version = versionOption(ctx);
  const out = stringOption(ctx, "out");
  if (!out) throw new UsageError(`Say where to write the file with -o <file.json>. Usage: baton ${usage}`);
  const actor = await actingUser(ctx, usage, true);
  const file = await exportPackage(ctx.db, actor, { processKey: key, ...(version !== undefined ? { version } : {}) });
  const path = userPath(out);
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  ctx.out.result({ processKey: file.processKey, version: file.version, hash: file.hash, path }, () => `Wrote ${file.processKey} version ${file.version} (${file.hash.slice(0, 12)}) to ${path}.`);
}

async function importFromFile(ctx: Parameters<Command["run"]>[0]) {
  const path = userPath(requirePositional(ctx, 1, "the package file", usage));
  if (!existsSync(path)) throw new UsageError(`${path} does not exist.`);
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const actor = await actingUser(ctx, usage, true);
  const result = await importPackage(ctx.db, actor, content);
  ctx.out.result(result, () =>
    result.created
      ? `Imported ${result.processKey} as version ${result.version}${result.version === result.fileVersion ? "" : ` (version ${result.fileVersion} in the file)`}.`
      : `${result.processKey} is unchanged: its latest version ${result.version} has the same content.`,
  );
}
