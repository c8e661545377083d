import type { Assignment, GroupStrategy } from "@baton/model";
import { describeFeelValue } from "./feel.ts";
import type { Run } from "./run.ts";
import type { Incident } from "./types.ts";

/** The strategies that pick a member rather than leave the task in the queue. */
export type HandOut = Exclude<GroupStrategy, "claim">;

export type ResolvedAssignment =
  | { ok: true; assignee: string | null; candidateGroup: string | null; strategy?: HandOut }
  | { ok: false; code: Incident["code"]; message: string };

/**
 * Who gets a task. A user or group is taken as written; an expression is
 * FEEL over the variables plus `initiator` and must yield a user name, or a
 * list whose first item is one (e.g. the reps picked on a start form).
 * Text that does not parse is an `expression.error`; text that yields nobody
 * is an `assignment.error`. A group that hands its task out (round robin,
 * least loaded) says so in `strategy`; which member gets it is the
 * runtime's to decide, in the transaction that stores the task, since only
 * it knows who is in the group and how busy they are.
 */
export function resolveAssignment(assignment: Assignment, run: Run): ResolvedAssignment {
  switch (assignment.type) {
    case "user":
      return { ok: true, assignee: assignment.user, candidateGroup: null };
    case "group":
      return assignment.strategy && assignment.strategy !== "claim"
        ? { ok: true, assignee: null, candidateGroup: assignment.group, strategy: assignment.strategy }
        : { ok: true, assignee: null, candidateGroup: assignment.group };
    case "expression": {
      const outcome = run.evaluate(assignment.expression);
      if (!outcome.ok) return { ok: false, code: "expression.error", message: `assignment ${outcome.error}` };
      const value = Array.isArray(outcome.value) ? outcome.value[0] : outcome.value;
      if (typeof value === "string" && value.trim() !== "") return { ok: true, assignee: value, candidateGroup: null };
      const why = outcome.warnings.length > 0 ? ` (${outcome.warnings.join("; ")})` : "";
      return {
        ok: false,
        code: "assignment.error",
        message: `assignment \`${assignment.expression}\` yielded ${describeFeelValue(outcome.value)}${why}; expected a user name`,
      };
    }
  }
}
