import type { StepNodeData } from "../flow-types.ts";

/** The state classes every step shape carries: selected, and its worst problem. */
export function nodeClasses(base: string, data: StepNodeData, selected: boolean): string {
  return [base, selected ? "is-selected" : "", data.problem ? `has-${data.problem}` : ""].filter(Boolean).join(" ");
}
