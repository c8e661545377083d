import { processDefinitionSchema, type ProcessDefinition } from "@baton/model";
import type { CommandHandler } from "../command-handler.ts";
import { patchObject, unpatchObject, type OldValues } from "../definition-ops.ts";
import { EditorError } from "../editor-error.ts";

/** `process.update`: the process's own properties. The key never changes: it names the draft. */
export type ProcessUpdateParams = {
  changes: { name?: string; description?: string | undefined; timeZone?: string };
};

const editable = new Set(["name", "description", "timeZone"]);

export const processUpdate: CommandHandler<ProcessUpdateParams, OldValues> = {
  execute(definition, { changes }) {
    const bad = Object.keys(changes).find((k) => !editable.has(k));
    if (bad) throw new EditorError("process.update", `the process's ${bad} cannot be changed by an update.`);
    const { next, old } = patchObject(definition, changes);
    if (next === definition) return { definition, undo: old };
    const shape = processDefinitionSchema.pick({ name: true, description: true, timeZone: true });
    const parsed = shape.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new EditorError("process.update", `the process's ${issue.path.join(".")} would be invalid: ${issue.message}`);
    }
    return { definition: next, undo: old };
  },
  revert(definition: ProcessDefinition, _params, old) {
    return unpatchObject(definition, old);
  },
};
