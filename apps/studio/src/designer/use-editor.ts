import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ProcessDefinition } from "@baton/model";
import { Autosave, type AutosaveStatus } from "../editor/autosave.ts";
import type { EditorStack } from "../editor/commands/index.ts";
import { createEditor } from "../editor/create-editor.ts";
import { api } from "../api/trpc-client.ts";

/** One command stack per opened draft (the page remounts the workspace for another draft). */
export function useEditorStack(initial: ProcessDefinition): EditorStack {
  const [stack] = useState(() => createEditor(initial));
  return stack;
}

/** The stack's current definition; re-renders on every execute, undo, redo and reset. */
export function useStackDefinition(stack: EditorStack): ProcessDefinition {
  return useSyncExternalStore(stack.subscribe, () => stack.definition);
}

/** Autosave of this draft to the server, and its status for the toolbar. */
export function useAutosave(
  stack: EditorStack,
  processKey: string,
  version: number,
  onSaved: (saved: { definition: ProcessDefinition; version: number; updatedAt: string }) => void,
): { autosave: Autosave; status: AutosaveStatus } {
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;
  const [autosave] = useState(
    () =>
      new Autosave({
        stack,
        processKey,
        version,
        save: async (definition, expectedVersion) => {
          const result = await api.saveDraft(processKey, expectedVersion, definition);
          savedRef.current({ definition, ...result });
          return result;
        },
        storage: typeof localStorage === "undefined" ? undefined : localStorage,
      }),
  );
  useEffect(() => {
    // Leaving the page (or closing the tab) with unsaved edits: try to save, and keep a local copy.
    const onHide = () => {
      if (stack.isDirty()) void autosave.flush();
    };
    autosave.start();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      onHide();
      autosave.stop();
    };
  }, [autosave, stack]);
  const status = useSyncExternalStore(autosave.subscribe, autosave.getStatus);
  return { autosave, status };
}
