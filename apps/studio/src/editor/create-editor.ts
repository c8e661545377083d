import type { ProcessDefinition } from "@baton/model";
import { installBehaviors } from "./behaviors/index.ts";
import { CommandStack } from "./command-stack.ts";
import { registerCommands, type EditorCommands, type EditorStack } from "./commands/index.ts";

/** A command stack for one draft, with every command and behavior of the process editor. */
export function createEditor(definition: ProcessDefinition): EditorStack {
  const stack = new CommandStack<EditorCommands>(definition);
  registerCommands(stack);
  installBehaviors(stack);
  return stack;
}
