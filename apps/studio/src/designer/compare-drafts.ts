import type { ProcessDefinition } from "@baton/model";
import { stepDisplayName } from "../properties/describe-step.ts";

/**
 * What choosing one draft over another would change, in an analyst's words:
 * steps only one of them has, and how many steps changed otherwise. Shown
 * before "Keep mine and overwrite" and "Restore my changes".
 */
export type DraftComparison = { onlyMine: string[]; onlyTheirs: string[]; changed: string[]; same: boolean };

export function compareDrafts(mine: ProcessDefinition, theirs: ProcessDefinition): DraftComparison {
  const theirSteps = new Map(theirs.steps.map((s) => [s.id, s]));
  const mySteps = new Set(mine.steps.map((s) => s.id));
  const onlyMine = mine.steps.filter((s) => !theirSteps.has(s.id)).map(stepDisplayName);
  const onlyTheirs = theirs.steps.filter((s) => !mySteps.has(s.id)).map(stepDisplayName);
  const changed = mine.steps
    .filter((s) => theirSteps.has(s.id) && JSON.stringify(s) !== JSON.stringify(theirSteps.get(s.id)))
    .map((s) => `${stepDisplayName(s)}${s.name !== theirSteps.get(s.id)!.name ? ` (theirs: ${stepDisplayName(theirSteps.get(s.id)!)})` : ""}`);
  const same = JSON.stringify(mine) === JSON.stringify(theirs);
  return { onlyMine, onlyTheirs, changed, same };
}

export function describeComparison(c: DraftComparison): string[] {
  if (c.same) return ["Both are the same."];
  const lines: string[] = [];
  if (c.onlyTheirs.length) lines.push(`Only in theirs: ${c.onlyTheirs.join(", ")}.`);
  if (c.onlyMine.length) lines.push(`Only in yours: ${c.onlyMine.join(", ")}.`);
  if (c.changed.length) {
    const shown = c.changed.slice(0, 5).join(", ");
    lines.push(`Changed in one of them: ${shown}${c.changed.length > 5 ? ` and ${c.changed.length - 5} more` : ""}.`);
  }
  if (lines.length === 0) lines.push("The steps are the same; connections or process settings differ.");
  return lines;
}
