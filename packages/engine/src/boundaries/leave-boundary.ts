import type { BoundaryEventStep } from "@baton/model";
import type { Run } from "../run.ts";
import type { Token } from "../types.ts";

/**
 * A token leaves a boundary event that went off on `host` (the activity's
 * token) by the event's connection, into the scope the activity is in:
 * it belongs where the activity's token belongs (`parentId`).
 */
export function leaveBoundary(run: Run, boundary: BoundaryEventStep, host: Token): void {
  for (const connection of run.graph.outgoing(boundary.id)) {
    run.moving.push({ id: run.env.newId(), stepId: connection.target, via: connection.id, ...(host.parentId === undefined ? {} : { parentId: host.parentId }) });
  }
}
