import type { CallActivityStep } from "@baton/model";
import { EngineUsageError } from "../engine-usage-error.ts";
import { applyOutputs, mapInto } from "../output-mapping.ts";
import type { Run } from "../run.ts";
import { catchError } from "../boundaries/throw-error.ts";
import type { EngineEvent, Token } from "../types.ts";
import type { Element } from "./element.ts";

type ChildCompleted = Extract<EngineEvent, { type: "childCompleted" }>;
type ChildFailed = Extract<EngineEvent, { type: "childFailed" }>;

/**
 * A call activity: the inputs (FEEL over this instance's variables) become
 * the called process's first variables, `startChild` asks the runtime to
 * start it, and the token waits. `childCompleted` brings the called
 * instance's final variables; the outputs (FEEL over those) are merged into
 * this instance's and the token moves on. A mapping that breaks stops the
 * token under an incident: before the call, retrying evaluates the inputs
 * and calls again; after it, the child's variables are gone with the event,
 * so the retry calls again too (the called process runs once more), which
 * the incident says.
 */
export const callActivityElement: Element<"callActivity"> & { complete(event: ChildCompleted, run: Run): void; fail(event: ChildFailed, run: Run): void } = {
  arrive(token, step, run) {
    const inputs = mapInputs(step, run);
    if (!inputs.ok) {
      run.raiseIncident(token, "expression.error", `call activity ${run.label(step.id)}: ${inputs.error.replace(/^output/, "input")}`);
      return;
    }
    run.emit({ type: "startChild", tokenId: token.id, stepId: step.id, processKey: step.processKey, variables: inputs.variables });
    run.wait(token);
  },

  complete(event, run) {
    const { token, step } = waitingCall(event, run);
    run.unwait(token);
    const mapped = applyOutputs(step.outputs, event.variables, run);
    if (!mapped.ok) {
      run.raiseIncident(token, "expression.error", `call activity ${run.label(step.id)}: the called process "${step.processKey}" completed, but ${mapped.error}; retrying calls it again`);
      return;
    }
    if (Object.keys(mapped.changes).length > 0) run.emit({ type: "variablesChanged", stepId: step.id, changes: mapped.changes });
    run.leaveByAll(token);
  },

  fail(event, run) {
    const { token } = waitingCall(event, run);
    // Caught: the call activity (or what encloses it) is cancelled, which ends the called process (cancelChild).
    catchError(run, token, event.error);
  },
};

/** The token of `event`, waiting at a call activity for its called process; misuse throws. */
function waitingCall(event: ChildCompleted | ChildFailed, run: Run): { token: Token; step: CallActivityStep } {
  const token = run.state.tokens.find((t) => t.id === event.tokenId);
  if (!token) throw new EngineUsageError(`${event.type}: no token "${event.tokenId}" is waiting in this instance`);
  const step = run.graph.step(token.stepId);
  if (step.kind !== "callActivity") {
    throw new EngineUsageError(`${event.type}: token "${token.id}" waits at ${step.kind} "${step.id}", not at a call activity`);
  }
  if (run.state.incidents.some((i) => i.tokenId === token.id)) {
    throw new EngineUsageError(`${event.type}: token "${token.id}" is stuck under an incident and waits for no called process`);
  }
  return { token, step };
}

/** The called process's first variables: each input's FEEL over this instance's variables, at its `to` path. */
function mapInputs(step: CallActivityStep, run: Run): { ok: true; variables: Record<string, unknown> } | { ok: false; error: string } {
  const variables: Record<string, unknown> = {};
  const mapped = mapInto(variables, step.inputs, { ...run.state.variables, initiator: run.state.startedBy }, run);
  return mapped.ok ? { ok: true, variables } : mapped;
}
