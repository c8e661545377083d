import type { Element } from "./element.ts";

/**
 * An end consumes the token. The instance completes when no token is left
 * anywhere, which the step decides after all tokens have run (a parallel
 * branch may still be working).
 */
export const endElement: Element<"end"> = {
  arrive() {},
};
