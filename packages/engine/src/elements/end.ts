import { throwError } from "../boundaries/throw-error.ts";
import { formatForText } from "../text-template.ts";
import type { Element } from "./element.ts";

/**
 * An end consumes the token. The instance completes when no token is left
 * anywhere, which the step decides after all tokens have run (a parallel
 * branch may still be working). An error end throws its error instead
 * (boundaries/throw-error.ts): caught, a token leaves by the catching
 * event; uncaught, the token stops here under an incident.
 */
export const endElement: Element<"end"> = {
  arrive(token, step, run) {
    if (!step.error) return;
    throwError(run, token, { code: step.error.code.trim(), message: formatForText(step.error.message ?? "", run.state.variables) });
  },
};
