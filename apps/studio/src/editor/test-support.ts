import { expect } from "vitest";
import type { ProcessDefinition } from "@baton/model";
import type { EditorCommands } from "./commands/index.ts";
import { createEditor } from "./create-editor.ts";

/**
 * The property every command must have: executing it changes the draft,
 * undo gives back a definition deep-equal (`toStrictEqual`: even absent vs
 * undefined keys count) to the one before, redo gives back exactly the
 * result again, and the caller's definition object is never mutated.
 * Returns the definition after the command, for further checks.
 */
export function expectUndoRedo<K extends keyof EditorCommands>(
  definition: ProcessDefinition,
  name: K,
  params: EditorCommands[K],
): ProcessDefinition {
  const before = structuredClone(definition);
  const stack = createEditor(definition);
  stack.execute(name, params);
  const after = structuredClone(stack.definition);
  expect(after).not.toStrictEqual(before);
  stack.undo();
  expect(stack.definition).toStrictEqual(before);
  stack.redo();
  expect(stack.definition).toStrictEqual(after);
  stack.undo();
  expect(stack.definition).toStrictEqual(before);
  expect(definition).toStrictEqual(before);
  return after;
}
