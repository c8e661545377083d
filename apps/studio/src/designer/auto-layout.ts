import { layoutDefinition, type ProcessDefinition } from "@baton/model";

/**
 * Auto-layout is the model's `layoutDefinition` (elkjs, loaded on first
 * use). The designer turns its result into one `process.layout` command.
 */
export const autoLayout: ((definition: ProcessDefinition) => Promise<ProcessDefinition>) | null = layoutDefinition;
export const autoLayoutUnavailable = "Auto-layout is not available in this build.";
