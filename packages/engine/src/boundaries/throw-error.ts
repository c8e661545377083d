import type { BoundaryEventStep } from "@baton/model";
import type { Run } from "../run.ts";
import type { BusinessError, Token } from "../types.ts";
import { cancelActivity } from "./cancel-activity.ts";
import { leaveBoundary } from "./leave-boundary.ts";

/**
 * Throwing and catching business errors (an error end; a service call's
 * failure). The catcher is looked for from the inside out along the
 * thrower's chain of tokens: the step the token is at (a service call
 * catches its own failure), then the activity its `parentId` token waits
 * at, and so on up (a sub-process's token, once sub-processes exist). At
 * each activity, a boundary error event with the error's code wins over
 * one without a code (which catches any error).
 *
 * Caught: the activity that catches is cancelled with everything inside
 * it (cancel-activity.ts), `boundaryTriggered` goes out, the event's
 * `errorVariable` (if any) gets `{ code, message }`, and a token leaves by
 * the event's connection. The thrower's token must no longer be waiting
 * when it is not the catching activity's own (an error end consumes it).
 */
export function catchError(run: Run, thrower: Token, error: BusinessError): boolean {
  for (let at: Token | undefined = thrower; at !== undefined; at = parentOf(run, at)) {
    const catcher = catcherOn(run, at.stepId, error.code);
    if (!catcher) continue;
    cancelActivity(run, at, `${describeError(error)} ended ${run.label(at.stepId)}; ${run.label(catcher.id)} caught it`);
    run.emit({ type: "boundaryTriggered", stepId: catcher.id, name: catcher.name || catcher.id, attachedTo: catcher.attachedTo, tokenId: at.id, interrupting: true, error });
    const variable = catcher.trigger.type === "error" ? catcher.trigger.errorVariable : undefined;
    if (variable) {
      const value = { code: error.code, message: error.message };
      Object.defineProperty(run.state.variables, variable, { value, enumerable: true, writable: true, configurable: true });
      run.emit({ type: "variablesChanged", stepId: catcher.id, changes: { [variable]: structuredClone(value) } });
    }
    leaveBoundary(run, catcher, at);
    return true;
  }
  return false;
}

/**
 * Throws `error` from `thrower`: caught as above, or else the token stops
 * where it is under an `error.uncaught` incident naming the code. Retrying
 * that incident throws again (useful once the instance runs a version that
 * catches it).
 */
export function throwError(run: Run, thrower: Token, error: BusinessError): void {
  if (catchError(run, thrower, error)) return;
  run.raiseIncident(thrower, "error.uncaught", `${run.label(thrower.stepId)} threw ${describeError(error)}, which no boundary error event catches`, error);
}

function catcherOn(run: Run, stepId: string, code: string): BoundaryEventStep | undefined {
  const catchers = run.graph.boundariesOf(stepId).filter((b) => b.trigger.type === "error");
  const codeOf = (b: BoundaryEventStep) => (b.trigger.type === "error" ? b.trigger.errorCode?.trim() ?? "" : "");
  return catchers.find((b) => codeOf(b) === code) ?? catchers.find((b) => codeOf(b) === "");
}

function parentOf(run: Run, token: Token): Token | undefined {
  return token.parentId === undefined ? undefined : run.state.tokens.find((t) => t.id === token.parentId);
}

function describeError(error: BusinessError): string {
  return `the error "${error.code}"${error.message ? ` (${error.message})` : ""}`;
}
