import { insertBlock, type BlockInput, type ProcessDefinition } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";

/**
 * `block.insert`: a copy of a library block, its top-left corner at `at`,
 * by `insertBlock` from the model (which picks the new ids and records the
 * block's version in `usedBlocks`). `insertBlock` is a pure function of its
 * inputs, so redo on the same definition gives the same ids.
 */
export type BlockInsertParams = { block: BlockInput; version: number; at: { x: number; y: number } };

type Undo = { stepIds: string[]; connectionIds: string[]; usedBlocks: ProcessDefinition["usedBlocks"] };

export const blockInsert: CommandHandler<BlockInsertParams, Undo> = {
  execute(definition, { block, version, at }) {
    const result = insertBlock(definition, block, { version, at });
    return {
      definition: result.definition,
      undo: { stepIds: result.insertedStepIds, connectionIds: result.insertedConnectionIds, usedBlocks: definition.usedBlocks },
    };
  },
  revert(definition, _params, { stepIds, connectionIds, usedBlocks }) {
    const steps = new Set(stepIds);
    const connections = new Set(connectionIds);
    return {
      ...definition,
      steps: definition.steps.filter((s) => !steps.has(s.id)),
      connections: definition.connections.filter((c) => !connections.has(c.id)),
      usedBlocks,
    };
  },
};
