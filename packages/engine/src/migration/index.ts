export { compatibleKinds, proposeStepMapping, resolveStepMapping, type MappingChoice, type ProposedMapping, type StepMapping } from "./step-mapping.ts";
export { migrateState, type MovedToken, type StateMigration } from "./migrate-state.ts";
export { nextFormSteps, variablesFormReads } from "./form-reads.ts";
