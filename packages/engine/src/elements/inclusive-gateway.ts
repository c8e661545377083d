import type { Connection, Step } from "@baton/model";
import { describeFeelValue } from "../feel.ts";
import type { Run } from "../run.ts";
import type { Token } from "../types.ts";
import type { Element } from "./element.ts";
import { canReach } from "../reachability.ts";

/**
 * An inclusive gateway. As a split it takes every outgoing connection whose
 * condition is `true` (a connection without a condition always counts), in
 * parallel; the default connection only when none holds; none and no
 * default is a `decision.no-match` incident, and a condition that breaks an
 * `expression.error` (nothing is taken either way, so a retry starts clean).
 *
 * As a join (several incoming connections) a token arriving waits; once no
 * token is moving (run-tokens.ts), `releaseInclusiveJoins` fires a join when
 * no other token of its scope can still reach one of the incoming
 * connections nobody has arrived by yet (reachability.ts): the branches
 * that were not taken are not waited for. As with the parallel join, the
 * first token by each connection merges; a second one by the same
 * connection (a loop came round) waits for the next round.
 */
export const inclusiveGatewayElement: Element<"inclusiveGateway"> = {
  arrive(token, step, run) {
    if (run.graph.incoming(step.id).length > 1) {
      run.wait(token);
      return;
    }
    split(token, step, run);
  },
};

function split(token: Token, step: Step, run: Run): void {
  const outgoing = run.graph.outgoing(step.id);
  const taken: { connection: Connection; reason: string }[] = [];
  const tried: string[] = [];
  for (const connection of outgoing.filter((c) => !c.isDefault)) {
    const condition = connection.condition?.trim();
    if (!condition) {
      taken.push({ connection, reason: `"${connection.id}" has no condition` });
      continue;
    }
    const outcome = run.evaluate(condition);
    if (!outcome.ok) {
      run.raiseIncident(token, "expression.error", `inclusive gateway ${run.label(step.id)}: condition on "${connection.id}": ${outcome.error}`);
      return;
    }
    if (outcome.value === true) {
      taken.push({ connection, reason: `${condition} was true` });
      continue;
    }
    const why = outcome.warnings.length > 0 ? `: ${outcome.warnings.join("; ")}` : "";
    tried.push(`${condition} was ${describeFeelValue(outcome.value)}${why}`);
  }
  const fallback = outgoing.find((c) => c.isDefault);
  if (taken.length === 0 && fallback) {
    taken.push({ connection: fallback, reason: `default: no condition was true (${tried.join(", ") || "there are no conditions"})` });
  }
  if (taken.length === 0 && outgoing.length > 0) {
    const summary = tried.length > 0 ? tried.join(", ") : "there are no conditions";
    run.raiseIncident(token, "decision.no-match", `inclusive gateway ${run.label(step.id)}: no condition was true and there is no default (${summary})`);
    return;
  }
  for (const { connection, reason } of taken) {
    if (outgoing.length > 1) run.emit({ type: "decisionTaken", stepId: step.id, connectionId: connection.id, reason });
    run.moveAlong(connection, token);
  }
}

/**
 * Fires the first inclusive join that nothing can still reach (see above);
 * true when one fired, so the caller runs the tokens it sent off and asks
 * again.
 */
export function releaseInclusiveJoins(run: Run): boolean {
  const stuck = new Set(run.state.incidents.map((i) => i.tokenId));
  const waiting = run.state.tokens.filter((t) => !stuck.has(t.id) && run.graph.step(t.stepId).kind === "inclusiveGateway");
  for (const token of waiting) {
    const arrived = waiting.filter((t) => t.stepId === token.stepId && t.parentId === token.parentId);
    if (arrived[0] !== token) continue; // each join once, by its first token
    const incoming = run.graph.incoming(token.stepId);
    const pending = incoming.filter((c) => !arrived.some((t) => t.via === c.id));
    const others = [...run.state.tokens, ...run.moving].filter((t) => t.parentId === token.parentId && t.stepId !== token.stepId);
    if (pending.length > 0 && others.some((t) => pending.some((c) => canReach(run.graph, t.stepId, c.source, token.stepId)))) continue;
    const merged = new Set(incoming.map((c) => arrived.find((t) => t.via === c.id)?.id));
    for (const t of arrived.filter((a) => merged.has(a.id))) run.unwait(t);
    split(token, run.graph.step(token.stepId), run);
    return true;
  }
  return false;
}
