import type { Step, StepKind } from "@baton/model";
import type { Run } from "../run.ts";
import type { Token } from "../types.ts";

/**
 * What a kind of step does when a token arrives. `arrive` ends with the token
 * in exactly one place: moved on (`run.moveAlong`/`leaveByAll`), waiting
 * (`run.wait`), stuck (`run.raiseIncident`), or consumed (none of these).
 * Retrying an incident calls `arrive` again with the stuck token.
 */
export type Element<K extends StepKind> = {
  arrive(token: Token, step: Extract<Step, { kind: K }>, run: Run): void;
};
