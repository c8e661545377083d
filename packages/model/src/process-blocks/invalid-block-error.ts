import type { Problem } from "../problems.ts";

/**
 * Thrown by `insertBlock` when the block could not be inserted without
 * breaking the process (wrong shape, a start, ids that clash inside the
 * block, connections to steps outside it). The studio checks blocks with
 * `validateBlock` first, so reaching this is a caller's mistake.
 */
export class InvalidBlockError extends Error {
  readonly problems: Problem[];

  constructor(blockKey: string, problems: Problem[]) {
    const first = problems[0]?.message ?? "unknown problem";
    super(`Block "${blockKey}" cannot be inserted: ${first}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`);
    this.name = "InvalidBlockError";
    this.problems = problems;
  }
}
