import { z } from "zod";
import { connectionSchema, processKeySchema, stepSchema, type Connection, type Step } from "../process-definition.ts";

/**
 * A process block: a named fragment of a process (e.g. "Manager approval
 * with escalation") kept in a shared library and inserted into any process.
 *
 * - Steps sit at positions relative to the fragment's top-left corner
 *   (the smallest x and y of its steps are 0), so inserting places the
 *   fragment wherever it is dropped.
 * - Connections run only between the block's own steps. Where the block
 *   meets the process (its entry and exit) is left open: the analyst
 *   connects it after inserting.
 * - A block holds no start: the process it goes into has its one start.
 *   End steps are allowed (a rejection branch may finish the process).
 * - The library stores blocks as immutable numbered versions; the version
 *   is not part of the content, it is given when a block is inserted.
 */
export const BLOCK_SCHEMA_VERSION = 1 as const;

/** Same spelling rules as a process key: lower-case letters, digits and -. */
export const blockKeySchema = processKeySchema;

export const NO_START_IN_BLOCK =
  "a block cannot hold a start, because the process it is inserted into has its own; leave the start out of the selection";

export const blockSchema = z.object({
  schemaVersion: z.literal(BLOCK_SCHEMA_VERSION),
  key: blockKeySchema,
  name: z.string().trim().min(1),
  description: z.string().default(""),
  steps: z
    .array(stepSchema.refine((step) => step.kind !== "start", { message: NO_START_IN_BLOCK, path: ["kind"] }))
    .min(1, "a block needs at least one step; select the steps to save"),
  connections: z.array(connectionSchema),
});
export type Block = z.infer<typeof blockSchema>;
/** The shape before defaults are applied, e.g. a file on disk or a request. */
export type BlockInput = z.input<typeof blockSchema>;

/** What a selection on the canvas yields: the block's steps and connections,
 * before the analyst names it. It may still hold a start for `validateBlock`
 * to point out, so its steps are any steps. */
export type BlockFragment = { steps: Step[]; connections: Connection[] };
