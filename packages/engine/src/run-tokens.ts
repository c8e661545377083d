import { scheduleBoundaryTimers } from "./boundaries/boundary-timers.ts";
import { approvalElement } from "./elements/approval.ts";
import { endElement } from "./elements/end.ts";
import { eventBasedGatewayElement } from "./elements/event-based-gateway.ts";
import { messageCatchElement } from "./elements/message-catch.ts";
import { callActivityElement } from "./elements/call-activity.ts";
import { exclusiveGatewayElement } from "./elements/exclusive-gateway.ts";
import { inclusiveGatewayElement, releaseInclusiveJoins } from "./elements/inclusive-gateway.ts";
import { notifyElement } from "./elements/notify.ts";
import { parallelGatewayElement } from "./elements/parallel-gateway.ts";
import { serviceCallElement } from "./elements/service-call.ts";
import { startElement } from "./elements/start.ts";
import { completeScopes, subProcessElement } from "./elements/sub-process.ts";
import { timerElement } from "./elements/timer.ts";
import { userTaskElement } from "./elements/user-task.ts";
import type { Run } from "./run.ts";
import type { Token } from "./types.ts";

/** Arrivals allowed in one step before the engine calls it an endless loop. */
export const MAX_MOVES_PER_STEP = 10_000;

/**
 * Delivers moving tokens to their steps, first in first out, until every
 * token waits, is stuck or is consumed. Then what waits on the others is
 * settled: a sub-process with nothing left inside moves on, an inclusive
 * join that nothing can still reach fires; each may set tokens moving
 * again, so delivery resumes until nothing changes. Steps without a wait
 * state in a cycle (decision → decision → ...) would never stop, so after
 * MAX_MOVES_PER_STEP arrivals every token still moving is stopped where it
 * is under a `loop.limit` incident.
 */
export function runTokens(run: Run): void {
  let moves = 0;
  do {
    for (let token = run.moving.shift(); token !== undefined; token = run.moving.shift()) {
      if (moves >= MAX_MOVES_PER_STEP) {
        run.raiseIncident(
          token,
          "loop.limit",
          `${run.label(token.stepId)}: stopped after ${MAX_MOVES_PER_STEP} moves without reaching a task; the process loops without a wait state`,
        );
        continue;
      }
      moves += 1;
      arrive(token, run);
      if (run.graph.boundariesOf(token.stepId).length > 0 && waitsFree(token, run)) scheduleBoundaryTimers(token, token.stepId, run);
    }
  } while (completeScopes(run) || releaseInclusiveJoins(run));
}

/** The token began waiting at its step (its task created, its call sent), not stuck under an incident. */
function waitsFree(token: Token, run: Run): boolean {
  return run.state.tokens.includes(token) && !run.state.incidents.some((i) => i.tokenId === token.id);
}

function arrive(token: Token, run: Run): void {
  const step = run.graph.step(token.stepId);
  switch (step.kind) {
    case "start":
      return startElement.arrive(token, step, run);
    case "userTask":
      return userTaskElement.arrive(token, step, run);
    case "exclusiveGateway":
      return exclusiveGatewayElement.arrive(token, step, run);
    case "parallelGateway":
      return parallelGatewayElement.arrive(token, step, run);
    case "end":
      return endElement.arrive(token, step, run);
    case "timer":
      return timerElement.arrive(token, step, run);
    case "notify":
      return notifyElement.arrive(token, step, run);
    case "serviceCall":
      return serviceCallElement.arrive(token, step, run);
    case "approval":
      return approvalElement.arrive(token, step, run);
    case "inclusiveGateway":
      return inclusiveGatewayElement.arrive(token, step, run);
    case "subProcess":
      return subProcessElement.arrive(token, step, run);
    case "callActivity":
      return callActivityElement.arrive(token, step, run);
    case "messageCatch":
      return messageCatchElement.arrive(token, step, run);
    case "eventBasedGateway":
      return eventBasedGatewayElement.arrive(token, step, run);
    case "boundaryEvent":
      // Validation forbids connections into one; it is set off by its activity.
      return run.raiseIncident(token, "step.unsupported", `${run.label(step.id)} sits on the border of a step; a connection cannot lead into it`);
    default: {
      const unknown: never = step;
      throw new Error(`no element for step kind "${(unknown as { kind: string }).kind}"`);
    }
  }
}
