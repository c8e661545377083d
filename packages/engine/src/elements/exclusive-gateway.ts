import type { Connection } from "@baton/model";
import { describeFeelValue } from "../feel.ts";
import type { Element } from "./element.ts";

/**
 * A decision: the token leaves by exactly one connection. Conditions of the
 * non-default connections are tried in definition order and the first that
 * is `true` wins; a connection without a condition always matches (so a
 * decision used to merge paths passes through). A condition that yields
 * anything but `true` (false, null, a missing variable, a string) does not
 * match: FEEL reports most runtime problems as null, and "not proven true"
 * is the safe reading. Nothing matches: the default connection, or else a
 * `decision.no-match` incident with each condition's result in the message.
 * A condition that does not parse stops the decision with `expression.error`.
 */
export const exclusiveGatewayElement: Element<"exclusiveGateway"> = {
  arrive(token, step, run) {
    const outgoing = run.graph.outgoing(step.id);
    const tried: string[] = [];
    for (const connection of outgoing.filter((c) => !c.isDefault)) {
      const condition = connection.condition?.trim();
      if (!condition) {
        take(connection, `"${connection.id}" has no condition`);
        return;
      }
      const outcome = run.evaluate(condition);
      if (!outcome.ok) {
        run.raiseIncident(token, "expression.error", `decision ${run.label(step.id)}: condition on "${connection.id}": ${outcome.error}`);
        return;
      }
      if (outcome.value === true) {
        take(connection, `${condition} was true`);
        return;
      }
      const why = outcome.warnings.length > 0 ? `: ${outcome.warnings.join("; ")}` : "";
      tried.push(`${condition} was ${describeFeelValue(outcome.value)}${why}`);
    }
    const fallback = outgoing.find((c) => c.isDefault);
    const summary = tried.length > 0 ? tried.join(", ") : "there are no conditions";
    if (fallback) {
      take(fallback, `default: no condition was true (${summary})`);
      return;
    }
    run.raiseIncident(token, "decision.no-match", `decision ${run.label(step.id)}: no condition was true and there is no default (${summary})`);

    function take(connection: Connection, reason: string): void {
      run.emit({ type: "decisionTaken", stepId: step.id, connectionId: connection.id, reason });
      run.moveAlong(connection, token);
    }
  },
};
