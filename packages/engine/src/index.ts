/**
 * @baton/engine: the pure process interpreter. `step` turns
 * (definition, state, event, env) into (state, commands); see step.ts for
 * the lifecycle and types.ts for the contract.
 */
export * from "./types.ts";
export { step } from "./step.ts";
export { initialState } from "./initial-state.ts";
export { EngineUsageError } from "./engine-usage-error.ts";
export { MAX_MOVES_PER_STEP } from "./run-tokens.ts";
export { evaluateFeel, feelToJson, type FeelClock, type FeelOutcome } from "./feel.ts";
export { voteRefusal } from "./approvals/approvers.ts";
export * from "./migration/index.ts";
export { nextTimerStart, type TimerStart } from "./time/timer-start.ts";
