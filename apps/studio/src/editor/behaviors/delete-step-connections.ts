import type { EditorStack } from "../commands/index.ts";

/**
 * Deleting a step deletes the connections that touch it, first, as a
 * `connection.delete` in the same undo step: a connection must never point
 * at a step that is not there, and undo brings both back together.
 */
export function deleteStepConnections(stack: EditorStack): void {
  stack.on("pre", "step.delete", ({ ids }, s) => {
    const gone = new Set(ids);
    const attached = s.definition.connections.filter((c) => gone.has(c.source) || gone.has(c.target)).map((c) => c.id);
    if (attached.length > 0) s.execute("connection.delete", { ids: attached });
  });
}
