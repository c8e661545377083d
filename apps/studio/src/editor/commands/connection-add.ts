import { connectionSchema, type Connection } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { stepIndex } from "../definition-ops.ts";
import { EditorError } from "../editor-error.ts";

/**
 * `connection.add`: a new connection between two existing steps. Whether
 * it makes sense (into a start, a second way out of a task…) is for
 * `rules.ts` to say before; this only refuses what cannot be stored.
 */
export type ConnectionAddParams = { connection: Connection; index?: number };

export const connectionAdd: CommandHandler<ConnectionAddParams, null> = {
  execute(definition, { connection, index }) {
    if (definition.connections.some((c) => c.id === connection.id)) {
      throw new EditorError("connection.add", `a connection with the id "${connection.id}" already exists.`);
    }
    stepIndex(definition, "connection.add", connection.source);
    stepIndex(definition, "connection.add", connection.target);
    if (!connectionSchema.safeParse(connection).success) {
      throw new EditorError("connection.add", `the connection "${connection.id}" is malformed.`);
    }
    const connections = [...definition.connections];
    connections.splice(index ?? connections.length, 0, connection);
    return { definition: { ...definition, connections }, undo: null };
  },
  revert(definition, { connection }) {
    return { ...definition, connections: definition.connections.filter((c) => c.id !== connection.id) };
  },
};
