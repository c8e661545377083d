import type { ServiceCallStep } from "@baton/model";
import { catchError } from "../boundaries/throw-error.ts";
import { EngineUsageError } from "../engine-usage-error.ts";
import { feelToJson } from "../feel.ts";
import { applyOutputs } from "../output-mapping.ts";
import type { Run } from "../run.ts";
import { fillForRequest } from "../text-template.ts";
import type { EngineEvent, ServiceRequest, Token } from "../types.ts";
import type { Element } from "./element.ts";

/** The error code of a failed call that got no HTTP answer (unreachable, timed out, not sent). */
export const SERVICE_FAILED = "service-failed";

type ServiceOutcome = Extract<EngineEvent, { type: "serviceAnswered" | "serviceFailed" }>;

/**
 * A service call. On arrival the request is built from the variables as
 * they are now: `{{variable}}` in the URL (each value percent-encoded, so
 * a value cannot change the address's shape) and in header values (as
 * text), the body from FEEL as JSON; `{{secrets.NAME}}` stays as written
 * (the runtime fills it in at the call). A placeholder naming no value, or a
 * body that breaks, stops the token under an incident before anything is
 * sent. Otherwise `callService` goes out with the token's id as the
 * idempotency key, and the token waits.
 *
 * The runtime calls, retries as the step allows, and answers:
 * - `serviceAnswered` (a 2xx): the outputs (FEEL over `response`, i.e.
 *   `{ status, body }`) are written and the token moves on. A mapping that
 *   breaks stops the token under an incident; the response is not kept, so
 *   retrying calls again (with the same key).
 * - `serviceFailed` (it gave up): caught as a business error when a
 *   boundary error event waits for it (its code: the HTTP status the
 *   service answered, e.g. "404", else "service-failed"); otherwise a
 *   `service.failed` incident. Retrying it
 *   arrives again: the request is built anew (an admin may have corrected
 *   variables) and sent with the same key, since the token is the same.
 *   Skipping it (`incidentSkipped`) moves the token on without a call.
 */
export const serviceCallElement: Element<"serviceCall"> & {
  receive(event: ServiceOutcome, run: Run): void;
  skip(token: Token, step: ServiceCallStep, run: Run): void;
} = {
  arrive(token, step, run) {
    const request = buildRequest(step, run);
    if (!request.ok) {
      run.raiseIncident(token, "expression.error", `service call ${run.label(step.id)}: ${request.error}`);
      return;
    }
    run.emit({
      type: "callService",
      tokenId: token.id,
      stepId: step.id,
      request: request.value,
      idempotencyKey: token.id,
      timeoutMs: step.timeoutSeconds * 1000,
      retries: step.retries,
    });
    run.wait(token);
  },

  /** The answer (or the giving up) for a token waiting at a service call. */
  receive(event, run) {
    const { tokens, incidents } = run.state;
    const token = tokens.find((t) => t.id === event.tokenId);
    if (!token) throw new EngineUsageError(`${event.type}: no token "${event.tokenId}" is waiting in this instance`);
    const step = run.graph.step(token.stepId);
    if (step.kind !== "serviceCall") {
      throw new EngineUsageError(`${event.type}: token "${token.id}" waits at ${step.kind} "${step.id}", not at a service call`);
    }
    const incident = incidents.find((i) => i.tokenId === token.id);
    if (incident) {
      throw new EngineUsageError(`${event.type}: token "${token.id}" is stuck under incident "${incident.id}" (${incident.code}) and waits for no answer`);
    }
    tokens.splice(tokens.indexOf(token), 1);
    if (event.type === "serviceFailed") {
      const error = { code: event.status === undefined ? SERVICE_FAILED : String(event.status), message: event.error };
      if (!catchError(run, token, error)) run.raiseIncident(token, "service.failed", `service call ${run.label(step.id)}: ${event.error}`);
      return;
    }
    const mapped = applyOutputs(step.outputs, { response: event.response }, run);
    if (!mapped.ok) {
      run.raiseIncident(token, "expression.error", `service call ${run.label(step.id)} answered ${event.response.status}, but ${mapped.error}`);
      return;
    }
    if (Object.keys(mapped.changes).length > 0) run.emit({ type: "variablesChanged", stepId: step.id, changes: mapped.changes });
    run.leaveByAll(token);
  },

  /** The token has already been taken out of the waiting tokens. */
  skip(token, _step, run) {
    run.leaveByAll(token);
  },
};

function buildRequest(step: ServiceCallStep, run: Run): { ok: true; value: ServiceRequest } | { ok: false; error: string } {
  const variables = run.state.variables;
  const list = (paths: string[]) => paths.map((m) => `{{${m}}}`).join(", ");
  const named = ({ missing, smuggled }: { missing: string[]; smuggled: string[] }) =>
    missing.length > 0
      ? `names ${list(missing)}, which ${missing.length === 1 ? "has" : "have"} no value`
      : `fills in ${list(smuggled)} with a {{secrets.…}} placeholder, which only the process itself may name`;
  const url = fillForRequest(step.request.url, variables, encodeURIComponent);
  if (!url.ok) return { ok: false, error: `the URL ${named(url)}` };
  const headers: ServiceRequest["headers"] = [];
  for (const header of step.request.headers) {
    const value = fillForRequest(header.value, variables);
    if (!value.ok) return { ok: false, error: `the header "${header.name}" ${named(value)}` };
    headers.push({ name: header.name, value: value.text });
  }
  const request: ServiceRequest = { method: step.request.method, url: url.text, headers };
  const body = step.request.body?.trim();
  if (body) {
    const outcome = run.evaluate(body);
    if (!outcome.ok) return { ok: false, error: `the body ${outcome.error}` };
    const json = feelToJson(outcome.value);
    if (!json.ok) return { ok: false, error: `the body \`${body}\` yields ${json.error}` };
    request.body = json.value;
  }
  return { ok: true, value: request };
}
