import type { CompletionRule } from "@baton/model";
import type { Run } from "../run.ts";
import type { Vote } from "../types.ts";

export type Outcome = "approved" | "rejected";
export type RuleVerdict = { ok: true; outcome: Outcome | null } | { ok: false; message: string };

/**
 * Whether the votes so far decide an approval of `total` approvers, and
 * how: `null` while it is still open. Decided as soon as the rest cannot
 * change the result, so nobody votes on a settled question:
 * - all: one rejection rejects; every approval approves;
 * - any: one approval approves; every rejection rejects;
 * - majority: more than half approve, or half or more reject;
 * - count N: N approvals, or too few left to reach N;
 * - percentage P: at least P % of all approvers approve, or too few left;
 * - expression: FEEL over `approvals`, `rejections`, `total`, `pending`
 *   and `votes` (each `{ by, decision, comment }`): true approves, false
 *   once everyone has voted rejects, anything else keeps it open until then.
 */
export function decide(rule: CompletionRule, votes: readonly Vote[], total: number, run: Run): RuleVerdict {
  const approvals = votes.filter((v) => v.decision === "approve").length;
  const rejections = votes.length - approvals;
  const pending = total - votes.length;
  const reachable = (needed: number): RuleVerdict => ({
    ok: true,
    outcome: approvals >= needed ? "approved" : approvals + pending < needed ? "rejected" : null,
  });
  switch (rule.type) {
    case "all":
      return reachable(total);
    case "any":
      return reachable(1);
    case "majority":
      return reachable(Math.floor(total / 2) + 1);
    case "count":
      return reachable(Math.min(rule.count, total));
    case "percentage":
      return reachable(Math.ceil((rule.percent / 100) * total));
    case "expression": {
      const outcome = run.evaluateOver(rule.expression, {
        ...run.state.variables,
        approvals,
        rejections,
        total,
        pending,
        votes: votes.map((v) => ({ by: v.by, decision: v.decision, comment: v.comment })),
      });
      if (!outcome.ok) return { ok: false, message: `completion rule ${outcome.error}` };
      if (outcome.value === true) return { ok: true, outcome: "approved" };
      return { ok: true, outcome: pending === 0 ? "rejected" : null };
    }
  }
}
