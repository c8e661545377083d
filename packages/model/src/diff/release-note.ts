import type { ConnectionChange, ConnectionRef, FormChange, PackageDiff } from "./diff-types.ts";
import { stepWords } from "./readable-values.ts";

/**
 * The default release note of a version: one line per change, in the words
 * of the canvas, so the publisher can keep it or edit it. Form and
 * connection changes are told once, in their own lines, not again under
 * the step they belong to.
 */
export function releaseNoteOf(diff: PackageDiff): string {
  if (diff.unchanged) return diff.layoutChanged ? "Only the layout of the diagram changed." : "No changes to the process.";
  const lines: string[] = [];
  for (const change of diff.process) lines.push(`${change.label}: ${change.before || "none"} → ${change.after || "none"}.`);
  for (const step of diff.steps.added) lines.push(`Added ${stepWords(step)}.`);
  for (const step of diff.steps.removed) lines.push(`Removed ${stepWords(step)}.`);
  for (const step of diff.steps.changed) {
    const told = step.changes.filter((c) => c.aspect !== "form" && c.aspect !== "conditions" && c.aspect !== "nextSteps");
    if (told.length === 0) continue;
    const parts = told.map((c) => (c.aspect === "name" ? `renamed from "${c.before}"` : `${c.label.toLowerCase()} ${c.before} → ${c.after}`));
    lines.push(`Changed ${stepWords(step)}: ${parts.join("; ")}.`);
  }
  for (const form of diff.forms) lines.push(formLine(form));
  for (const c of diff.connections.added) lines.push(`New connection ${connectionWords(c)}.`);
  for (const c of diff.connections.removed) lines.push(`Removed the connection ${connectionWords(c)}.`);
  for (const c of diff.connections.changed) {
    const parts: string[] = [];
    const moved = movedEnds(c);
    if (moved) parts.push(moved);
    if (c.changes.includes("condition")) parts.push(`condition ${c.before.condition ?? "none"} → ${c.after.condition ?? "none"}`);
    if (c.changes.includes("default")) parts.push(c.after.isDefault ? "now the default path" : "no longer the default path");
    if (c.changes.includes("label")) parts.push(`label "${c.before.label ?? ""}" → "${c.after.label ?? ""}"`);
    lines.push(`Changed the connection ${endsOf(c.before)}: ${parts.join("; ")}.`);
  }
  if (diff.variables.added.length > 0) lines.push(`New variables: ${diff.variables.added.join(", ")}.`);
  if (diff.variables.removed.length > 0) lines.push(`Variables no longer written: ${diff.variables.removed.join(", ")}.`);
  return lines.map((line) => `- ${line}`).join("\n");
}

function formLine(form: FormChange): string {
  const parts: string[] = [];
  for (const f of form.added) parts.push(`new field "${f.label}" (${f.type}${f.required ? ", required" : ""})`);
  for (const f of form.removed) parts.push(`removed field "${f.label}"`);
  for (const f of form.retyped) parts.push(`"${f.label}" is now ${f.after} (was ${f.before})`);
  for (const f of form.requiredChanged) parts.push(`"${f.label}" is ${f.after ? "now required" : "no longer required"}`);
  return `Form of ${stepWords(form.step)}: ${parts.join("; ")}.`;
}

/** How a connection's ends moved, in words; undefined when they did not. */
function movedEnds(c: ConnectionChange): string | undefined {
  const source = c.changes.includes("source");
  const target = c.changes.includes("target");
  if (source && target) return `now runs ${endsOf(c.after)}`;
  if (target) return `now leads to "${c.after.targetName}"`;
  if (source) return `now comes from "${c.after.sourceName}"`;
  return undefined;
}

function endsOf(c: ConnectionRef): string {
  return `from "${c.sourceName}" to "${c.targetName}"`;
}

function connectionWords(c: ConnectionRef): string {
  const when = c.isDefault ? " (the default path)" : c.condition ? ` when ${c.condition}` : "";
  return `${endsOf(c)}${when}`;
}

