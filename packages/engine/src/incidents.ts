import { EngineUsageError } from "./engine-usage-error.ts";
import { serviceCallElement } from "./elements/service-call.ts";
import type { Run } from "./run.ts";
import type { EngineEvent, Incident } from "./types.ts";

/**
 * What an admin does with an open incident: retry it (step.ts: the token
 * runs its step again) or, at a service call, skip it (below). Both close
 * the incident and may correct variables first.
 */

/** Closes the open incident `incidentId`; refuses one that is not open. */
export function takeIncident(run: Run, incidentId: string, eventType: string): Incident {
  const { incidents } = run.state;
  const incident = incidents.find((i) => i.id === incidentId);
  if (!incident) {
    const open = incidents.map((i) => `"${i.id}"`).join(", ") || "none";
    throw new EngineUsageError(`${eventType}: no open incident "${incidentId}" in this instance (open: ${open})`);
  }
  incidents.splice(incidents.indexOf(incident), 1);
  return incident;
}

/** Merges an admin's corrections (top-level keys) into the variables, as one `variablesChanged`. */
export function correctVariables(run: Run, stepId: string, variables: Record<string, unknown> | undefined): void {
  if (!variables || Object.keys(variables).length === 0) return;
  const changes = structuredClone(variables);
  for (const [key, value] of Object.entries(changes)) {
    Object.defineProperty(run.state.variables, key, { value, enumerable: true, writable: true, configurable: true });
  }
  run.emit({ type: "variablesChanged", stepId, changes });
}

/**
 * Skipping moves a token stuck at a service call on as if the call had
 * been answered, without calling; `variables` stand in for what the answer
 * would have brought. Only service calls can be skipped: elsewhere moving
 * on would mean guessing (which way a decision goes, what a task's form
 * said), so those are retried. The caller runs the tokens afterwards.
 */
export function skipIncident(run: Run, event: Extract<EngineEvent, { type: "incidentSkipped" }>): void {
  // Refusing after taking is fine: the step works on a copy that a throw discards.
  const incident = takeIncident(run, event.incidentId, event.type);
  const { tokens } = run.state;
  const token = tokens.find((t) => t.id === incident.tokenId);
  if (!token) throw new EngineUsageError(`incidentSkipped: incident "${incident.id}" stops no token; retry it to resolve it`);
  const at = run.graph.step(token.stepId);
  if (at.kind !== "serviceCall") {
    throw new EngineUsageError(`incidentSkipped: incident "${incident.id}" is at ${at.kind} "${at.id}"; only a stuck service call can be skipped, retry this one instead`);
  }
  correctVariables(run, at.id, event.variables);
  tokens.splice(tokens.indexOf(token), 1);
  serviceCallElement.skip(token, at, run);
}
