import { connectionSchema, type Connection } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { connectionIndex, patchObject, unpatchObject, withConnection, type OldValues } from "../definition-ops.ts";
import { EditorError } from "../editor-error.ts";

/**
 * `connection.update`: label, condition, default. Making one connection the
 * default un-defaults its siblings — that is the `single-default` behavior,
 * not this handler.
 */
export type ConnectionUpdateParams = {
  id: string;
  changes: { label?: string | undefined; condition?: string | undefined; isDefault?: boolean | undefined };
};

const editable = new Set(["label", "condition", "isDefault"]);

export const connectionUpdate: CommandHandler<ConnectionUpdateParams, OldValues> = {
  execute(definition, { id, changes }) {
    const index = connectionIndex(definition, "connection.update", id);
    const bad = Object.keys(changes).find((k) => !editable.has(k));
    if (bad) throw new EditorError("connection.update", `the ${bad} of connection "${id}" cannot be changed by an update.`);
    const { next, old } = patchObject(definition.connections[index]!, changes);
    if (next === definition.connections[index]) return { definition, undo: old };
    if (!connectionSchema.safeParse(next).success) {
      throw new EditorError("connection.update", `connection "${id}" would be malformed.`);
    }
    return { definition: withConnection(definition, index, next), undo: old };
  },
  revert(definition, { id }, old) {
    const index = connectionIndex(definition, "connection.update", id);
    return withConnection(definition, index, unpatchObject(definition.connections[index]!, old) as Connection);
  },
};
