import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { decodeXmlBytes } from "@baton/model";
import { exportProcessBpmn, importBpmnDraft, type BpmnImportOutcome } from "@baton/runtime";
import { userPath } from "../../env.ts";
import { actingUser, requirePositional, stringOption, versionOption, type Command } from "../command.ts";
import { table, UsageError } from "../output.ts";

/**
 * `baton import-bpmn <file>` reads a BPMN 2.0 file from any tool into a new
 * draft and prints the report (imported steps, unsupported elements with
 * their reasons, warnings, problems); `--publish` publishes it when it has
 * no errors and exits 1 when it could not. `baton export-bpmn <key>` writes
 * the draft (or `--version N`) as BPMN 2.0, to stdout or `--out`.
 */
export const importBpmnCommand: Command = {
  name: "import-bpmn",
  usage: "import-bpmn <file.bpmn> [--key <key>] [--process <id>] [--publish] [--as <user>]",
  summary: "Import a BPMN 2.0 file from another tool as a new draft, with a report of what could not be taken.",
  valueOptions: ["as", "key", "process"],
  flagOptions: ["publish"],
  run: async (ctx) => {
    const file = userPath(requirePositional(ctx, 0, "the BPMN file", importBpmnCommand.usage));
    if (!existsSync(file)) throw new UsageError(`${file} does not exist.`);
    const xml = decodeXmlBytes(readFileSync(file));
    const actor = await actingUser(ctx, importBpmnCommand.usage, true);
    const key = stringOption(ctx, "key");
    const processId = stringOption(ctx, "process");
    const outcome = await importBpmnDraft(ctx.db, actor, {
      xml,
      ...(key ? { key } : {}),
      ...(processId ? { processId } : {}),
      publish: ctx.options.publish === true,
    });
    ctx.out.result(outcome, () => describeImport(outcome));
    return outcome.notPublished ? 1 : 0;
  },
};

export const exportBpmnCommand: Command = {
  name: "export-bpmn",
  usage: "export-bpmn <processKey> [--version <n>] [--out <file.bpmn>] [--as <user>]",
  summary: "Write a process (its draft, or a published version) as BPMN 2.0 XML with its diagram.",
  valueOptions: ["as", "version", "out"],
  run: async (ctx) => {
    const key = requirePositional(ctx, 0, "the process key", exportBpmnCommand.usage);
    const version = versionOption(ctx);
    const actor = await actingUser(ctx, exportBpmnCommand.usage, true);
    const exported = await exportProcessBpmn(ctx.db, actor, { key, ...(version !== undefined ? { version } : {}) });
    const out = stringOption(ctx, "out");
    if (out) {
      const path = userPath(out);
      writeFileSync(path, exported.xml);
      const { xml: _xml, ...summary } = exported;
      ctx.out.result({ ...summary, path }, () => `Wrote ${describeSource(exported)} of ${key} to ${path}.`);
      return;
    }
    ctx.out.result(exported, () => exported.xml.trimEnd());
  },
};

function describeSource(exported: { source: "draft" | "published"; version: number }): string {
  return exported.source === "draft" ? `the draft (version ${exported.version})` : `published version ${exported.version}`;
}

function describeImport(outcome: BpmnImportOutcome): string {
  const { report } = outcome;
  const steps = report.imported.filter((i) => i.kind !== "connection");
  const connections = report.imported.length - steps.length;
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const lines = [
    `Imported ${report.process?.name ? `"${report.process.name}"` : report.process?.id} as the draft "${outcome.key}" (version ${outcome.draftVersion}): ${steps.length} steps, ${connections} connections.`,
  ];
  if (outcome.published) lines.push(`Published ${outcome.key} version ${outcome.published.version}.`);
  if (outcome.notPublished) lines.push(`Not published: ${outcome.notPublished}`);
  lines.push("", "Imported steps:", table(["id", "BPMN type", "Baton kind", "name"], steps.map((s) => [s.stepId ? `${s.id} → ${s.stepId}` : s.id, s.type, s.kind, s.name])));
  if (report.unsupported.length > 0) {
    lines.push("", `Not imported (${report.unsupported.length}):`, table(["id", "type", "why"], report.unsupported.map((u) => [u.id, u.type, u.reason])));
  }
  if (report.warnings.length > 0) lines.push("", "Warnings:", ...report.warnings.map((w) => `  - ${w}`));
  if (report.problems.length > 0) {
    lines.push("", `Problems (${errors} error${errors === 1 ? "" : "s"}):`, ...report.problems.map((p) => `  ${p.severity}: ${p.message}`));
  }
  return lines.join("\n");
}
