import type { Connection } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { connectionIndex, removeById, restoreAt } from "../definition-ops.ts";

/** `connection.delete`: removes connections. Deleting a decision's default clears nothing else. */
export type ConnectionDeleteParams = { ids: string[] };

export const connectionDelete: CommandHandler<ConnectionDeleteParams, { index: number; item: Connection }[]> = {
  execute(definition, { ids }) {
    for (const id of ids) connectionIndex(definition, "connection.delete", id);
    const { kept, removed } = removeById(definition.connections, new Set(ids));
    if (removed.length === 0) return { definition, undo: removed };
    return { definition: { ...definition, connections: kept }, undo: removed };
  },
  revert(definition, _params, removed) {
    return { ...definition, connections: restoreAt(definition.connections, removed) };
  },
};
