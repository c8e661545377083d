import type { StartStep } from "@baton/model";
import { applyOutputs, mapInto } from "../output-mapping.ts";
import type { Run } from "../run.ts";
import type { EngineEvent } from "../types.ts";
import type { Element } from "./element.ts";

type Started = Extract<EngineEvent, { type: "started" }>;

/**
 * The start: the start form's data (or, for a called process, the calling
 * step's inputs) becomes the first variables, then one
 * token leaves. If the start's output mapping fails, the token stays at the
 * start under an incident; retrying it leaves without mapping again (the
 * form data is not kept in the state).
 */
export const startElement: Element<"start"> & { begin(step: StartStep, event: Started, run: Run): void } = {
  begin(step, event, run) {
    const token = { id: run.env.newId(), stepId: step.id };
    // Called by another process: its inputs are the first variables, and there is no start form.
    const mapped = event.variables ? mapInto(run.state.variables, undefined, event.variables, run) : applyOutputs(step.outputs, event.data, run);
    if (!mapped.ok) {
      run.raiseIncident(token, "expression.error", `start form ${run.label(step.id)}: ${mapped.error}`);
      return;
    }
    if (Object.keys(mapped.changes).length > 0) {
      run.emit({ type: "variablesChanged", stepId: step.id, changes: mapped.changes });
    }
    run.moving.push(token);
  },

  arrive(token, _step, run) {
    run.leaveByAll(token);
  },
};
