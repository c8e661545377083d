import { APPROVAL_COMMENT_KEY, APPROVAL_DECISION_KEY, type ApprovalStep } from "@baton/model";
import { resolveApprovers } from "../approvals/approvers.ts";
import { decide, type RuleVerdict } from "../approvals/completion-rule.ts";
import { resolveDue } from "../due-date.ts";
import { EngineUsageError } from "../engine-usage-error.ts";
import { scheduleEscalations } from "../escalation.ts";
import type { Run } from "../run.ts";
import type { ApprovalRound, EngineEvent, Token, Vote } from "../types.ts";
import type { Element } from "./element.ts";

type TaskCompleted = Extract<EngineEvent, { type: "taskCompleted" }>;

/**
 * An approval. The token that arrives waits at the step for the whole
 * round; each approver gets a task of their own (a vote token, child of
 * that token): one task (a person, or a group's queue to claim from), all
 * at once (parallel), or one after the other (sequential). Each vote is
 * approve or reject with a comment. After every vote the completion rule
 * (completion-rule.ts) says whether the round is decided; if so the tasks
 * still open are cancelled, `resultVariable` gets
 * `{ outcome, approvals, rejections, votes }` for the next decision, and
 * the token moves on. Voters are remembered for the four-eyes rule of
 * later approvals.
 */
export const approvalElement: Element<"approval"> & { vote(voteToken: Token, step: ApprovalStep, event: TaskCompleted, run: Run): void } = {
  arrive(token, step, run) {
    const resolved = resolveApprovers(step, run);
    if (!resolved.ok) {
      run.raiseIncident(token, resolved.code, `approval ${run.label(step.id)}: ${resolved.message}`);
      return;
    }
    const due = resolveDue(step.due, run);
    if (!due.ok) {
      run.raiseIncident(token, "expression.error", `approval ${run.label(step.id)}: ${due.message}`);
      return;
    }
    const round: ApprovalRound = {
      stepId: step.id,
      mode: resolved.mode,
      approvers: resolved.mode === "single" ? (resolved.assignee ? [resolved.assignee] : []) : resolved.approvers,
      votes: [],
      open: [],
    };
    (run.state.approvals ??= {})[token.id] = round;
    run.wait(token);
    if (resolved.mode === "single") ask(token, round, step, { assignee: resolved.assignee, candidateGroup: resolved.candidateGroup }, due.dueAt, run);
    else for (const approver of resolved.mode === "parallel" ? resolved.approvers : resolved.approvers.slice(0, 1)) ask(token, round, step, { assignee: approver, candidateGroup: null }, due.dueAt, run);
  },

  /** The vote token has already been taken out of the waiting tokens. */
  vote(voteToken, step, event, run) {
    const parent = run.state.tokens.find((t) => t.id === voteToken.parentId);
    const round = voteToken.parentId ? run.state.approvals?.[voteToken.parentId] : undefined;
    if (!parent || !round) throw new EngineUsageError(`taskCompleted: vote token "${voteToken.id}" belongs to no approval in progress`);
    const decision = event.data[APPROVAL_DECISION_KEY];
    if (decision !== "approve" && decision !== "reject") {
      throw new EngineUsageError(`taskCompleted: an approval needs "${APPROVAL_DECISION_KEY}" to be "approve" or "reject", not ${JSON.stringify(decision)}`);
    }
    run.cancelTimersOf(voteToken.id);
    round.open = round.open.filter((id) => id !== voteToken.id);
    const comment = event.data[APPROVAL_COMMENT_KEY];
    const vote: Vote = { by: event.completedBy, decision, comment: typeof comment === "string" ? comment : "", at: run.env.now };
    round.votes.push(vote);
    run.state.approvedBy = [...new Set([...(run.state.approvedBy ?? []), event.completedBy])];
    recordExtraFields(step, event.data, run);

    const verdict: RuleVerdict =
      round.mode === "single" || !step.several
        ? { ok: true, outcome: decision === "approve" ? "approved" : "rejected" }
        : decide(step.several.rule, round.votes, round.approvers.length, run);
    if (!verdict.ok) {
      closeRound(parent, round, run, "the completion rule could not be worked out");
      run.state.tokens.splice(run.state.tokens.indexOf(parent), 1);
      run.raiseIncident(parent, "expression.error", `approval ${run.label(step.id)}: ${verdict.message}`);
      return;
    }
    if (verdict.outcome === null) {
      const next = round.approvers[round.votes.length];
      if (round.mode === "sequential" && round.open.length === 0 && next !== undefined) {
        ask(parent, round, step, { assignee: next, candidateGroup: null }, dueOfRound(step, run), run);
      }
      return;
    }
    closeRound(parent, round, run, `the approval was ${verdict.outcome} without this vote`);
    const approvals = round.votes.filter((v) => v.decision === "approve").length;
    const result = { outcome: verdict.outcome, approvals, rejections: round.votes.length - approvals, votes: round.votes };
    Object.defineProperty(run.state.variables, step.resultVariable, { value: result, enumerable: true, writable: true, configurable: true });
    run.emit({ type: "variablesChanged", stepId: step.id, changes: { [step.resultVariable]: structuredClone(result) } });
    run.emit({ type: "decisionTaken", stepId: step.id, connectionId: "", reason: `${verdict.outcome}: ${approvals} of ${round.approvers.length || 1} approved` });
    run.state.tokens.splice(run.state.tokens.indexOf(parent), 1);
    run.leaveByAll(parent);
  },
};

function ask(parent: Token, round: ApprovalRound, step: ApprovalStep, who: { assignee: string | null; candidateGroup: string | null }, dueAt: string | null, run: Run): void {
  const voteToken: Token = { id: run.env.newId(), stepId: step.id, parentId: parent.id };
  round.open.push(voteToken.id);
  run.wait(voteToken);
  run.emit({ type: "createTask", tokenId: voteToken.id, stepId: step.id, name: step.name || step.id, assignee: who.assignee, candidateGroup: who.candidateGroup, dueAt });
  scheduleEscalations(voteToken, step.id, step.escalations, dueAt, run);
}

/** A sequential approver's task is due counted from when they are asked. */
function dueOfRound(step: ApprovalStep, run: Run): string | null {
  const due = resolveDue(step.due, run);
  return due.ok ? due.dueAt : null;
}

/** Cancels the open vote tasks and forgets the round. */
function closeRound(parent: Token, round: ApprovalRound, run: Run, reason: string): void {
  for (const id of round.open) {
    const waiting = run.state.tokens.find((t) => t.id === id);
    if (waiting) run.state.tokens.splice(run.state.tokens.indexOf(waiting), 1);
    run.cancelTimersOf(id);
    run.emit({ type: "cancelTask", tokenId: id, stepId: round.stepId, reason });
  }
  round.open = [];
  delete run.state.approvals![parent.id];
}

/** The step's own fields (beyond decision and comment) go into the variables, as a task's would. */
function recordExtraFields(step: ApprovalStep, data: Record<string, unknown>, run: Run): void {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === APPROVAL_DECISION_KEY || key === APPROVAL_COMMENT_KEY) continue;
    changes[key] = structuredClone(value);
    Object.defineProperty(run.state.variables, key, { value: changes[key], enumerable: true, writable: true, configurable: true });
  }
  if (Object.keys(changes).length > 0) run.emit({ type: "variablesChanged", stepId: step.id, changes });
}
