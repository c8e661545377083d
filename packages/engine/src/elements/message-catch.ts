import type { MessageCatchStep } from "@baton/model";
import { describeFeelValue } from "../feel.ts";
import { applyOutputs } from "../output-mapping.ts";
import type { Run } from "../run.ts";
import type { Token } from "../types.ts";
import type { Element } from "./element.ts";

export type CorrelationKey = { ok: true; key: string } | { ok: false; message: string };

/**
 * A message wait: on arrival the correlation key (FEEL) is worked out once
 * and the token waits (`waitForMessage`). `messageReceived` maps the
 * message's data through the outputs and moves the token on. A key that
 * cannot be worked out (an error, or no text or number) stops the token
 * under an incident; retrying works it out again. A mapping that breaks
 * stops the token at the wait under an incident; retrying waits for the
 * message again, since its data is not kept in the state.
 */
export const messageCatchElement: Element<"messageCatch"> & {
  receive(token: Token, step: MessageCatchStep, payload: Record<string, unknown>, run: Run): void;
} = {
  arrive(token, step, run) {
    const key = correlationKey(step, run);
    if (!key.ok) {
      run.raiseIncident(token, "expression.error", key.message);
      return;
    }
    run.subscribe({ tokenId: token.id, stepId: step.id, name: step.message.name, key: key.key });
    run.wait(token);
  },

  /** `token` stands at `step` and has already been taken out of the waiting tokens. */
  receive(token, step, payload, run) {
    const mapped = applyOutputs(step.outputs, payload, run);
    if (!mapped.ok) {
      run.raiseIncident(token, "expression.error", `message wait ${run.label(step.id)}: the message "${step.message.name}" came, but ${mapped.error}; retrying waits for it again`);
      return;
    }
    if (Object.keys(mapped.changes).length > 0) run.emit({ type: "variablesChanged", stepId: step.id, changes: mapped.changes });
    run.leaveByAll(token);
  },
};

/** The key a token arriving now waits with: text, or a number written as text. */
export function correlationKey(step: MessageCatchStep, run: Run): CorrelationKey {
  const { correlationKey: expression, name } = step.message;
  const outcome = run.evaluate(expression);
  const at = `message wait ${run.label(step.id)} for "${name}"`;
  if (!outcome.ok) return { ok: false, message: `${at}: correlation key ${outcome.error}` };
  const { value } = outcome;
  if (typeof value === "string" && value !== "") return { ok: true, key: value };
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, key: String(value) };
  return { ok: false, message: `${at}: the correlation key \`${expression}\` yielded ${describeFeelValue(value)}; expected a text or a number` };
}
