import { checkMigration, migrateInstances, type MigrationReport, type MigrationRequest } from "@baton/runtime";
import { actingUser, requirePositional, stringOption, type Command, type CommandContext } from "../command.ts";
import { table, UsageError } from "../output.ts";

/**
 * `baton migrate <key> --from N --to M (--instances id,id | --all) [--map old=new ...] [--dry-run]`:
 * moves running instances of version N to version M (admins), each in its
 * own transaction, and prints one line per instance: migrated (or, with
 * --dry-run, would migrate), refused with the reasons, or failed. Steps of
 * N missing in M are mapped with --map (`old=` for none). Exits 1 when any
 * instance was refused or failed, so scripts notice.
 */
const usage = "migrate <key> --from <N> --to <M> (--instances <id,id> | --all) [--map <old=new> ...] [--dry-run] [--as <admin>]";

function whole(ctx: CommandContext, name: string): number {
  const text = stringOption(ctx, name);
  if (text === undefined) throw new UsageError(`Say which version with --${name} <N>. Usage: baton ${usage}`);
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} must be a version number such as 2, not "${text}".`);
  return Number(text);
}

function mappingOf(ctx: CommandContext): Record<string, string | null> {
  const raw = ctx.options.map;
  const entries = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  const mapping: Record<string, string | null> = {};
  for (const entry of entries) {
    const match = /^([^=\s]+)=([^=\s]*)$/.exec(entry);
    if (!match) throw new UsageError(`--map takes old=new (a step id of the old version, = and one of the new, or nothing for none), not "${entry}".`);
    mapping[match[1]!] = match[2] ? match[2] : null;
  }
  return mapping;
}

export function requestOf(ctx: CommandContext): MigrationRequest {
  const processKey = requirePositional(ctx, 0, "the process key", usage);
  const instances = stringOption(ctx, "instances");
  const all = ctx.options.all === true;
  if (!all && !instances) throw new UsageError(`Choose the instances with --instances <id,id> or --all. Usage: baton ${usage}`);
  if (all && instances) throw new UsageError("Use --instances or --all, not both.");
  return {
    processKey,
    fromVersion: whole(ctx, "from"),
    toVersion: whole(ctx, "to"),
    ...(all ? { all } : { instanceIds: instances!.split(",").map((s) => s.trim()).filter(Boolean) }),
    mapping: mappingOf(ctx),
  };
}

function describe(report: MigrationReport): string {
  const verb = report.dryRun ? "would migrate" : "migrated";
  const rows = report.results.map((r) => [
    r.number === null ? r.instanceId : `#${r.number}`,
    r.title,
    r.outcome === "checked" ? verb : r.outcome,
    r.moves.map((m) => `${m.from}→${m.to}`).join(", "),
    [...r.reasons, ...r.warnings.map((w) => `warning: ${w}`), ...(r.draftsKept ? [`${r.draftsKept} draft(s) kept`] : [])].join(" "),
  ]);
  const ok = report.results.filter((r) => r.outcome === "checked" || r.outcome === "migrated").length;
  const head = `${report.processKey}: version ${report.fromVersion} → ${report.toVersion}${report.dryRun ? " (dry run: nothing was changed)" : ""}`;
  return [head, table(["instance", "title", "outcome", "moves", "notes"], rows), `${ok} of ${report.results.length} ${report.dryRun ? "can be migrated" : "migrated"}.`].join("\n");
}

export const migrateCommand: Command = {
  name: "migrate",
  usage,
  summary: "Move running instances of one version to another (a dry run first with --dry-run).",
  valueOptions: ["as", "from", "to", "instances"],
  flagOptions: ["all", "dry-run"],
  listOptions: ["map"],
  run: async (ctx) => {
    const request = requestOf(ctx);
    const actor = await actingUser(ctx, usage, true);
    const report = ctx.options["dry-run"] === true ? await checkMigration(ctx.db, actor, request) : await migrateInstances(ctx.db, actor, request);
    ctx.out.result(report, () => describe(report));
    return report.results.every((r) => r.outcome === "checked" || r.outcome === "migrated") ? 0 : 1;
  },
};
