import type { Connection, Step } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { EditorError } from "../editor-error.ts";

/**
 * `selection.paste`: adds copied steps and the connections between them, as
 * planned by `planPaste` (fresh ids, shifted positions). Also serves
 * duplicate (Ctrl+D), which is a paste that skips the clipboard.
 */
export type SelectionPasteParams = { steps: Step[]; connections: Connection[] };

export const selectionPaste: CommandHandler<SelectionPasteParams, null> = {
  execute(definition, { steps, connections }) {
    if (steps.length === 0 && connections.length === 0) return { definition, undo: null };
    const stepIds = new Set(definition.steps.map((s) => s.id));
    for (const step of steps) {
      if (stepIds.has(step.id)) throw new EditorError("selection.paste", `a step with the id "${step.id}" already exists.`);
      stepIds.add(step.id);
    }
    const connectionIds = new Set(definition.connections.map((c) => c.id));
    for (const c of connections) {
      if (connectionIds.has(c.id)) throw new EditorError("selection.paste", `a connection with the id "${c.id}" already exists.`);
      if (!stepIds.has(c.source) || !stepIds.has(c.target)) {
        throw new EditorError("selection.paste", `connection "${c.id}" links a step that is not there.`);
      }
      connectionIds.add(c.id);
    }
    return {
      definition: { ...definition, steps: [...definition.steps, ...steps], connections: [...definition.connections, ...connections] },
      undo: null,
    };
  },
  revert(definition, { steps, connections }) {
    const s = new Set(steps.map((x) => x.id));
    const c = new Set(connections.map((x) => x.id));
    return {
      ...definition,
      steps: definition.steps.filter((x) => !s.has(x.id)),
      connections: definition.connections.filter((x) => !c.has(x.id)),
    };
  },
};
