import type { Connection, ProcessDefinition, Step } from "../process-definition.ts";
import type { ProblemCode } from "../problems.ts";
import { blockSchema, type BlockInput } from "./block-format.ts";
import { InvalidBlockError } from "./invalid-block-error.ts";
import { validateBlock } from "./validate-block.ts";

export type InsertBlockOptions = {
  /** The library version of the block, recorded in the process's `usedBlocks`. */
  version: number;
  /** Where the block's top-left corner goes on the canvas. */
  at: { x: number; y: number };
};

export type InsertBlockResult = {
  definition: ProcessDefinition;
  /** The new ids, in the block's order: select them after inserting. */
  insertedStepIds: string[];
  insertedConnectionIds: string[];
};

/** Problems that would corrupt the process if the block went in anyway. */
const BREAKING: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "schema.invalid",
  "step.duplicate-id",
  "connection.duplicate-id",
  "connection.unknown-source",
  "connection.unknown-target",
]);

/**
 * Adds a copy of the block to the process, as a pure function of its
 * inputs. Every step and connection gets the id `<blockKey>_<n>_<its id in
 * the block>`, with `n` the smallest number (from 1) for which none of the
 * new ids is taken, so inserting the same block twice gives `_1_` and
 * `_2_`. Form field ids are left as they are: they only need to be unique
 * within their own form, and each inserted step brings its own form.
 * Variable names (field keys, output mappings) are kept on purpose: they
 * are how a block exchanges data with the process around it.
 *
 * `usedBlocks` gains `{ key, version }` unless that pair is already there.
 */
export function insertBlock(definition: ProcessDefinition, block: BlockInput, options: InsertBlockOptions): InsertBlockResult {
  const key = typeof block?.key === "string" ? block.key : "(no key)";
  if (!Number.isInteger(options.version) || options.version < 1) {
    throw new Error(`insertBlock: the version of block "${key}" must be a positive whole number, not ${options.version}.`);
  }
  const breaking = validateBlock(block).filter((p) => p.severity === "error" && BREAKING.has(p.code));
  if (breaking.length > 0) throw new InvalidBlockError(key, breaking);
  const parsed = blockSchema.parse(block);

  const taken = new Set([...definition.steps.map((s) => s.id), ...definition.connections.map((c) => c.id)]);
  const oldIds = [...parsed.steps.map((s) => s.id), ...parsed.connections.map((c) => c.id)];
  let n = 1;
  while (oldIds.some((id) => taken.has(newId(parsed.key, n, id)))) n++;
  const rename = (id: string) => newId(parsed.key, n, id);

  const steps: Step[] = parsed.steps.map((s) => ({
    ...s,
    id: rename(s.id),
    position: { x: options.at.x + s.position.x, y: options.at.y + s.position.y },
  }));
  const connections: Connection[] = parsed.connections.map((c) => ({
    ...c,
    id: rename(c.id),
    source: rename(c.source),
    target: rename(c.target),
  }));
  const alreadyRecorded = definition.usedBlocks.some((u) => u.key === parsed.key && u.version === options.version);
  return {
    definition: {
      ...definition,
      steps: [...definition.steps, ...steps],
      connections: [...definition.connections, ...connections],
      usedBlocks: alreadyRecorded ? definition.usedBlocks : [...definition.usedBlocks, { key: parsed.key, version: options.version }],
    },
    insertedStepIds: steps.map((s) => s.id),
    insertedConnectionIds: connections.map((c) => c.id),
  };
}

const newId = (blockKey: string, n: number, id: string) => `${blockKey}_${n}_${id}`;
