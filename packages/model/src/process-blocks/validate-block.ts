import type { ProcessDefinition } from "../process-definition.ts";
import type { Problem, ProblemCode } from "../problems.ts";
import { validate } from "../validate.ts";
import { schemaProblems } from "../validation/schema-problems.ts";
import { blockSchema, type Block } from "./block-format.ts";

/**
 * A fragment has open ends by design: its entry has no way in from a start
 * and its exit no way out to an end until it is connected in a process.
 * The process checks about that are left out.
 */
const OPEN_END_CODES = new Set<ProblemCode>([
  "process.no-start",
  "process.no-end",
  "step.no-incoming",
  "step.no-outgoing",
  "step.unreachable",
  "step.dead-end",
  // The host process provides the variables a block's decisions read.
  "decision.unknown-variable",
]);

/**
 * Errors that an open end may fix once the block is connected (a decision's
 * second branch can be the block's exit). They stay visible as warnings.
 */
const SOFTENED_CODES = new Set<ProblemCode>(["decision.single-outgoing", "parallel.mismatched"]);

/**
 * Every problem of a block at once, with the same `Problem` shape (and
 * `path`s into the block: `steps` and `connections` sit where they sit in a
 * process) as `validate`, so the studio shows them the same way.
 *
 * A block with the wrong shape (missing name, a start step, no steps) gets
 * only its `schema.invalid` problems. Otherwise the block is checked as a
 * process would be (ids, connection ends, decisions, expressions, forms),
 * less the checks that its open ends would fail.
 */
export function validateBlock(block: unknown): Problem[] {
  const parsed = blockSchema.safeParse(block);
  if (!parsed.success) {
    // schemaProblems names the top level "Process"; here it is the block.
    return schemaProblems(parsed.error.issues, block).map((p) => ({ ...p, message: p.message.replace(/^Process\b/, "Block") }));
  }
  return validate(asProcess(parsed.data))
    .filter((p) => !OPEN_END_CODES.has(p.code))
    .map((p) => (SOFTENED_CODES.has(p.code) ? { ...p, severity: "warning" as const } : p));
}

/** The block as a one-off process, to run the process checks over it. */
function asProcess(block: Block): ProcessDefinition {
  return {
    schemaVersion: 1,
    key: block.key,
    name: block.name,
    timeZone: "UTC",
    steps: block.steps,
    connections: block.connections,
    usedBlocks: [],
  };
}
