import { type FormBlock, type FormDefinition, type ProcessDefinition, RESERVED_NAMES, feelNames, formFields, innerBlockLists } from "@baton/model";

/**
 * The variables a form reads from the instance (not from its own fields):
 * a display's variable, options taken from a variable, and the names its
 * visible-if and required-if rules read. Head names only (`order.items`
 * reads `order`).
 */
export function variablesFormReads(form: FormDefinition | undefined): string[] {
  if (!form) return [];
  const own = new Set([...formFields(form).map((f) => f.key), ...RESERVED_NAMES]);
  const read = new Set<string>();
  const head = (path: string) => path.split(".")[0] ?? path;
  const walk = (blocks: FormBlock[]) => {
    for (const block of blocks) {
      if (block.type === "display") read.add(head(block.variable));
      if ("optionsFrom" in block && block.optionsFrom) read.add(head(block.optionsFrom.variable));
      for (const rule of [block.visibleIf, "requiredIf" in block ? block.requiredIf : undefined]) {
        if (!rule) continue;
        try {
          for (const name of feelNames(rule).free) read.add(name);
        } catch {
          // A rule that does not parse was refused at publishing; it reads nothing we can name.
        }
      }
      for (const inner of innerBlockLists(block)) walk(inner.blocks);
    }
  };
  walk(form.blocks);
  return [...read].filter((name) => !own.has(name)).sort();
}

/**
 * The forms an instance meets next from `stepIds` of `definition`: the
 * steps' own forms and those of the steps reached from them before the
 * next wait (gateways, notifications and the like are passed through).
 */
export function nextFormSteps(definition: ProcessDefinition, stepIds: readonly string[]): { stepId: string; name: string; form: FormDefinition }[] {
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const found: { stepId: string; name: string; form: FormDefinition }[] = [];
  const seen = new Set<string>();
  const queue = [...stepIds];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = byId.get(id);
    if (!step) continue;
    if ((step.kind === "userTask" || step.kind === "approval") && step.form) found.push({ stepId: step.id, name: step.name || step.id, form: step.form });
    // The active steps themselves, then one wait further: the next task's form.
    const passThrough = stepIds.includes(id) || !["userTask", "approval", "timer", "serviceCall", "callActivity", "subProcess"].includes(step.kind);
    if (!passThrough) continue;
    for (const c of definition.connections) if (c.source === id) queue.push(c.target);
  }
  return found;
}
