import type { Run } from "../run.ts";
import type { Token } from "../types.ts";

/**
 * Cancels what a token is doing at its step, as when an interrupting
 * boundary event goes off or an error ends the activity: first every token
 * that belongs to it (`parentId`: an approval's votes; tokens inside a
 * sub-process), then the token itself. A token stops waiting, its timers
 * (escalations, boundary timers) are cancelled, its open incident is
 * closed (the work it stopped is no longer wanted), an open task of a user
 * task or a vote is cancelled (the runtime deletes its draft) with
 * `reason`, and an approval round is forgotten. A pending service call
 * needs nothing: its job finds the token gone and does not call. A
 * call activity's called process is ended by the runtime (`cancelChild`);
 * a sub-process's inside goes with it (its tokens belong to its token),
 * also tokens of it still moving in this step.
 */
export function cancelActivity(run: Run, token: Token, reason: string): void {
  const { state } = run;
  for (const child of [...state.tokens, ...run.moving].filter((t) => t.parentId === token.id)) cancelActivity(run, child, reason);
  const waiting = state.tokens.indexOf(token);
  if (waiting >= 0) state.tokens.splice(waiting, 1);
  const moving = run.moving.indexOf(token);
  if (moving >= 0) run.moving.splice(moving, 1);
  state.incidents = state.incidents.filter((i) => i.tokenId !== token.id);
  run.cancelTimersOf(token.id);
  const step = run.graph.step(token.stepId);
  const round = state.approvals?.[token.id];
  if (round) {
    delete state.approvals![token.id];
    return;
  }
  if (step.kind === "userTask" || step.kind === "approval") run.emit({ type: "cancelTask", tokenId: token.id, stepId: step.id, reason });
  if (step.kind === "callActivity") run.emit({ type: "cancelChild", tokenId: token.id, stepId: step.id, reason });
}
