import type { Run } from "../run.ts";
import type { Element } from "./element.ts";

/**
 * An embedded sub-process. Arriving, the token waits at the sub-process
 * step and a new token starts at the plain start inside, in the scope named
 * by the waiting token's id (so the same sub-process reached twice runs
 * twice, apart). Tokens inside move, wait and join like any others, each
 * seeing only its own scope. Once no token is moving, `completeScopes`
 * finds the sub-processes with nothing left inside and moves them on by
 * their outgoing connections (inner ones first, since an inner
 * sub-process's token lives in its outer one's scope until it leaves).
 */
export const subProcessElement: Element<"subProcess"> = {
  arrive(token, step, run) {
    const start = run.graph.startInside(step.id);
    if (!start) {
      run.raiseIncident(token, "step.unsupported", `sub-process ${run.label(step.id)} has no start inside`);
      return;
    }
    run.wait(token);
    run.moving.push({ id: run.env.newId(), stepId: start.id, parentId: token.id });
  },
};

/** Moves on the first sub-process with nothing left inside; true when one did. */
export function completeScopes(run: Run): boolean {
  const stuck = new Set(run.state.incidents.map((i) => i.tokenId));
  const all = [...run.state.tokens, ...run.moving];
  for (const token of run.state.tokens) {
    if (stuck.has(token.id) || run.graph.step(token.stepId).kind !== "subProcess") continue;
    if (all.some((t) => t.parentId === token.id)) continue;
    run.unwait(token);
    run.leaveByAll(token);
    return true;
  }
  return false;
}
