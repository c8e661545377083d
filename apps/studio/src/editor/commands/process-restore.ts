import { processDefinitionSchema, type ProcessDefinition } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { EditorError } from "../editor-error.ts";

/**
 * `process.restore`: replaces the whole draft with a copy kept in this
 * browser (work a refused save did not store). The one command that swaps
 * everything, so it keeps what it replaced and undo puts it back.
 */
export type ProcessRestoreParams = { definition: ProcessDefinition };

export const processRestore: CommandHandler<ProcessRestoreParams, ProcessDefinition> = {
  execute(current, { definition }) {
    if (definition.key !== current.key) {
      throw new EditorError("process.restore", `the copy belongs to "${definition.key}", not to "${current.key}".`);
    }
    if (!processDefinitionSchema.safeParse(definition).success) {
      throw new EditorError("process.restore", "the kept copy is not a well-formed process definition.");
    }
    return { definition, undo: current };
  },
  revert(_definition, _params, previous) {
    return previous;
  },
};
