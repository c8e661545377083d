import type { ApprovalStep } from "@baton/model";
import { describeFeelValue } from "../feel.ts";
import type { Run } from "../run.ts";
import type { Incident } from "../types.ts";

export type ResolvedApprovers =
  | { ok: true; mode: "single"; assignee: string | null; candidateGroup: string | null }
  | { ok: true; mode: "parallel" | "sequential"; approvers: string[] }
  | { ok: false; code: Incident["code"]; message: string };

/**
 * Who is asked. One approver (no `several`): the assignment as a task's
 * (a user, a group to claim from, or FEEL naming someone). Several: a user,
 * the group's members (from the directory the runtime hands in), or FEEL
 * yielding a list of user names; each is asked once, in that order. With
 * the four-eyes rule the starter and anyone who approved earlier in this
 * instance are left out; nobody left is an incident, not an approval
 * without approvers.
 */
export function resolveApprovers(step: ApprovalStep, run: Run): ResolvedApprovers {
  const { approvers } = step;
  if (!step.several) {
    if (approvers.type === "group") return { ok: true, mode: "single", assignee: null, candidateGroup: approvers.group };
    const people = namesOf(step, run);
    if (!people.ok) return people;
    const allowed = fourEyes(step, people.names, run);
    if (allowed.length === 0) return nobodyLeft(step, people.names, run);
    return { ok: true, mode: "single", assignee: allowed[0]!, candidateGroup: null };
  }
  const people = namesOf(step, run);
  if (!people.ok) return people;
  const allowed = fourEyes(step, people.names, run);
  if (allowed.length === 0) return nobodyLeft(step, people.names, run);
  return { ok: true, mode: step.several.mode, approvers: allowed };
}

function namesOf(step: ApprovalStep, run: Run): { ok: true; names: string[] } | { ok: false; code: Incident["code"]; message: string } {
  const { approvers } = step;
  switch (approvers.type) {
    case "user":
      return { ok: true, names: [approvers.user] };
    case "group": {
      if (!run.env.groupMembers) return { ok: false, code: "assignment.error", message: `approvers: the members of group "${approvers.group}" are not known here` };
      return { ok: true, names: [...run.env.groupMembers(approvers.group)] };
    }
    case "expression": {
      const outcome = run.evaluate(approvers.expression);
      if (!outcome.ok) return { ok: false, code: "expression.error", message: `approvers ${outcome.error}` };
      const list = Array.isArray(outcome.value) ? outcome.value : [outcome.value];
      const names = list.filter((v): v is string => typeof v === "string" && v.trim() !== "");
      if (names.length === 0) {
        return { ok: false, code: "assignment.error", message: `approvers \`${approvers.expression}\` yielded ${describeFeelValue(outcome.value)}; expected user names` };
      }
      return { ok: true, names };
    }
  }
}

function fourEyes(step: ApprovalStep, names: string[], run: Run): string[] {
  const unique = [...new Set(names)];
  if (!step.fourEyes) return unique;
  const excluded = new Set([run.state.startedBy, ...(run.state.approvedBy ?? [])]);
  return unique.filter((n) => !excluded.has(n));
}

function nobodyLeft(step: ApprovalStep, names: string[], run: Run): ResolvedApprovers {
  const who = names.length === 0 ? "nobody" : names.join(", ");
  return {
    ok: false,
    code: "assignment.error",
    message: step.fourEyes
      ? `no approver is left: the approvers (${who}) started this request or approved it earlier, and the four-eyes rule excludes them`
      : `no approver: the approvers are ${who}`,
  };
}

/**
 * Why `username` may not vote on the approval task of `tokenId` (the
 * four-eyes rule, or a second vote in one round), or null. The runtime
 * asks before completing: a group's single approval task can be claimed by
 * anyone in the group, the starter included. The answer speaks to the
 * voter ("You started…"), or about them when `person` names them (for
 * whoever would hand them the task: "Dana Desk started…").
 */
export function voteRefusal(step: ApprovalStep, state: { startedBy: string; approvedBy?: string[]; approvals?: Record<string, { votes: { by: string }[]; open: string[] }> }, tokenId: string, username: string, person?: string): string | null {
  const who = person ?? "You";
  const round = Object.values(state.approvals ?? {}).find((r) => r.open.includes(tokenId));
  if (round?.votes.some((v) => v.by === username)) return `${who} ${person ? "has" : "have"} already voted in this approval.`;
  if (!step.fourEyes) return null;
  if (username === state.startedBy) return `${who} started this request, so the four-eyes rule lets someone else approve it.`;
  if ((state.approvedBy ?? []).includes(username)) return `${who} approved an earlier stage of this request, so the four-eyes rule lets someone else approve this one.`;
  return null;
}
