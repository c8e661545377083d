import type { ProcessDefinition } from "@baton/model";

/**
 * One named edit (`'step.add'`, `'connection.update'`…), as a pair of pure
 * functions over the immutable definition:
 *
 * - `execute` applies the edit and returns the new definition, plus whatever
 *   `revert` needs to take it back (the old values, the removed elements and
 *   where they were). Returning the very same definition object means "no
 *   change"; the stack then records nothing.
 * - `revert` gets the definition exactly as `execute` left it and must give
 *   back one deep-equal to the definition `execute` received.
 *
 * Redo calls `execute` again with the same params on the same definition, so
 * `execute` must be deterministic (ids are chosen by the caller, not here).
 * Handlers never look at other elements to "tidy up": side effects such as
 * deleting a step's connections are behaviors (see `behaviors/`).
 */
export interface CommandHandler<P, U = unknown> {
  execute(definition: ProcessDefinition, params: P): { definition: ProcessDefinition; undo: U };
  revert(definition: ProcessDefinition, params: P, undo: U): ProcessDefinition;
}
