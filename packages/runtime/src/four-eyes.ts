import { voteRefusal, type InstanceState } from "@baton/engine";
import type { ProcessDefinition } from "@baton/model";

/**
 * Why this person may not complete this task, when it is an approval vote
 * they may not cast (they started the request, approved an earlier stage,
 * or voted in this round already), or null. Asked before completing and
 * before claiming, so a group's approval task cannot be taken by the one
 * person who must not decide it; and before handing the task to someone
 * (then `person` is their name, and the reason speaks about them).
 */
export function voteRefusalFor(definition: ProcessDefinition, state: InstanceState, task: { stepId: string; tokenId: string }, username: string, person?: string): string | null {
  const step = definition.steps.find((s) => s.id === task.stepId);
  if (step?.kind !== "approval") return null;
  return voteRefusal(step, state, task.tokenId, username, person);
}
