import type { EditorStack } from "../commands/index.ts";

/**
 * A decision has at most one default way out: making a connection the
 * default un-defaults its siblings (the other connections leaving the same
 * step). Deleting a default, on the other hand, clears nothing else: which
 * path should become "otherwise" is the analyst's call.
 */
export function singleDefault(stack: EditorStack): void {
  const undefaultSiblings = (id: string, s: EditorStack) => {
    const chosen = s.definition.connections.find((c) => c.id === id);
    if (!chosen?.isDefault) return;
    for (const c of s.definition.connections) {
      if (c.id !== id && c.source === chosen.source && c.isDefault) {
        s.execute("connection.update", { id: c.id, changes: { isDefault: undefined } });
      }
    }
  };
  stack.on("post", "connection.update", ({ id, changes }, s) => {
    if (changes.isDefault === true) undefaultSiblings(id, s);
  });
  stack.on("post", "connection.add", ({ connection }, s) => {
    if (connection.isDefault) undefaultSiblings(connection.id, s);
  });
}
