import type { EditorStack } from "../commands/index.ts";

/**
 * Removing the condition of a way out of a decision that has no default
 * makes that way the default ("otherwise"): a decision's connection without
 * a condition is otherwise an error, and "when nothing else matches" is
 * what an analyst means by clearing it. If the decision already has a
 * default, nothing happens: the missing condition is reported instead.
 */
export function unconditionedBecomesDefault(stack: EditorStack): void {
  stack.on("post", "connection.update", ({ id, changes }, s) => {
    if (!("condition" in changes) || changes.condition?.trim()) return;
    const { connections, steps } = s.definition;
    const connection = connections.find((c) => c.id === id);
    if (!connection || connection.isDefault) return;
    if (steps.find((x) => x.id === connection.source)?.kind !== "exclusiveGateway") return;
    if (connections.some((c) => c.source === connection.source && c.isDefault)) return;
    s.execute("connection.update", { id, changes: { isDefault: true } });
  });
}
